import { describe, expect, it } from 'vitest';
import { mappingForFile, parseMapping, unmatchedGlobs } from '../../../server/src/ingest/mapping-file.js';

describe('mapping files', () => {
  const set = parseMapping(
    {
      files: {
        'users.csv*': { kind: 'labels', columns: { account: 'user_id', label: 'confirmed_fraud' } },
        'p2p/referrals.*': { kind: 'link', columns: { account: 'to_user_id', referrer: 'from_user_id' } },
        '*.csv.gz': { kind: 'link' },
      },
    },
    'm.json',
  );

  it('chooses the first glob that matches the file name, or the end of the path for globs with a slash', () => {
    expect(mappingForFile(set, '../data/p2p/users.csv.gz')?.glob).toBe('users.csv*');
    expect(mappingForFile(set, '../data/p2p/users.csv.gz')?.mapping.kind).toBe('labels');
    expect(mappingForFile(set, '/x/p2p/referrals.csv.gz')?.glob).toBe('p2p/referrals.*');
    expect(mappingForFile(set, '/x/other/referrals.csv.gz')?.glob).toBe('*.csv.gz');
    expect(mappingForFile(set, 'orders.tsv')).toBeUndefined();
  });

  it('names globs that match none of the files of a run', () => {
    expect(unmatchedGlobs(set, ['a/users.csv'])).toEqual(['p2p/referrals.*', '*.csv.gz']);
  });

  it('keeps a single mapping for every file', () => {
    const single = parseMapping({ kind: 'registration', columns: { account: 'uid' } }, 's.json');
    expect(mappingForFile(single, 'anything.csv')).toEqual({ mapping: single.single, glob: null });
  });

  it("refuses a property ringscope writes itself, so a load cannot overwrite investigators' flags", () => {
    expect(() => parseMapping({ kind: 'registration', accountProps: { flags: 'flag_count' } }, 'm.json')).toThrow(
      /m\.json.*accountProps\.flags.*a property ringscope writes itself/s,
    );
    expect(() => parseMapping({ kind: 'attributes', nodeProps: { tags: 'labels' } }, 'm.json')).toThrow(
      /nodeProps\.tags.*a property ringscope writes itself/s,
    );
    expect(() =>
      parseMapping({ kind: 'registration', accountProps: { flagCount: 'flag_count' } }, 'm.json'),
    ).not.toThrow();
  });

  it('rejects unknown fields and kinds, naming the file and the place', () => {
    expect(() => parseMapping({ files: { 'a*': { columns: { acount: 'x' } } } }, 'm.json')).toThrow(
      /mapping file m\.json: files\.a\*\.columns/,
    );
    expect(() => parseMapping({ files: { 'a*': { kind: 'orders' } } }, 'm.json')).toThrow(/files\.a\*\.kind/);
    expect(() => parseMapping({ files: {} }, 'm.json')).toThrow(/at least one glob/);
    expect(() => parseMapping({ kind: 'order', extra: 1 }, 'm.json')).toThrow(/m\.json/);
  });
});
