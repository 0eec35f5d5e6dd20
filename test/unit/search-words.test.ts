// server/src/explore/search-words.ts: typed text → a safe full-text query over words.
import { describe, expect, it } from 'vitest';
import { fulltextQuery, searchWords } from '../../server/src/explore/search-words.js';

describe('fulltextQuery', () => {
  it('turns API paths, methods, tags and addresses into required words, the last as a prefix', () => {
    expect(fulltextQuery('/api/v1')).toBe('+api +v1*');
    expect(fulltextQuery('POST')).toBe('+post*');
    expect(fulltextQuery('confirmed-fraud')).toBe('+confirmed +fraud*');
    expect(fulltextQuery('1665 Oak Street')).toBe('+1665 +oak +st*');
    expect(fulltextQuery('4242')).toBe('+4242*');
  });

  it('keeps dotted and underscored words whole (IPs, emails, account ids)', () => {
    expect(searchWords('45.35.223 u_0ca2 ivan.wang@proton.me')).toEqual(['45.35.223', 'u_0ca2', 'ivan.wang@proton.me']);
  });

  it('lets no Lucene syntax through, and says null when nothing is left', () => {
    expect(fulltextQuery('a:b OR (c~ "d") *')).toBe('+a +b +"or" +c +d');
    expect(fulltextQuery(' !?* ')).toBeNull();
    expect(fulltextQuery('x')).toBe('+x');
  });
});
