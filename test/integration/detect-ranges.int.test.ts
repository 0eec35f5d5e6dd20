// Detection reads the per-account risk feature table in key ranges at once when there are many
// accounts (50k and more). Read in three ranges, generated logs must give exactly the table read in
// one pass: every account once, every feature, label, tag and money link equal. The table summed in
// the database by ringscope's procedure (the embedded launcher registers it) must equal the one the
// portable Cypher statement gives, read whole or in ranges, and detection must find the same rings
// and risks with either. Candidate members' tools, APIs and shared identifiers read by ringscope's
// procedures must be the rows of the Cypher statements.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { GENERATED_FILES } from '../../server/src/demo.js';
import { findRings } from '../../server/src/detect/detect.js';
import { readRiskFeatures, type FeatureTable } from '../../server/src/detect/risk-features.js';
import { parseMapping } from '../../server/src/ingest/mapping-file.js';
import { generate } from '../../server/src/generate/generate.js';
import { ingestFiles } from '../../server/src/ingest/ingest.js';
import { openTestDb, wipe } from '../helpers/neo4j.js';

let db: Database;
/** An account given numeric properties by a mapping. */
let propsAccount = '';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-ranges-'));

beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  await generate({ outDir: tmp, accounts: 1500, seed: 5 });
  await ingestFiles(
    db,
    GENERATED_FILES.map((f) => path.join(tmp, f)),
    { rejectsDir: path.join(tmp, 'rejects'), quiet: true },
  );
  // Numeric account properties a mapping loads (candidate features), on some accounts only, one
  // of them with a fraction; and a text property, which is no feature.
  const users = fs
    .readFileSync(path.join(tmp, 'registrations.csv'), 'utf8')
    .split('\n')
    .slice(1, 301)
    .map((line) => line.split(',')[0]!);
  propsAccount = users[0]!;
  const props = path.join(tmp, 'account-props.csv');
  const lines = ['account,age,score,tier'];
  users.forEach((u, i) => i % 3 === 0 && lines.push(`${u},${20 + (i % 50)},${(i * 0.37).toFixed(2)},gold`));
  fs.writeFileSync(props, lines.join('\n') + '\n');
  const s = await ingestFiles(db, [props], {
    rejectsDir: path.join(tmp, 'rejects'),
    quiet: true,
    mapping: parseMapping(
      {
        kind: 'registration',
        columns: { account: 'account' },
        accountProps: { age: 'age', score: 'score', tier: 'tier' },
      },
      'account-props.csv',
    ),
  });
  expect(s.files[0]?.rejected).toBe(0);
});
afterAll(async () => {
  await wipe(db);
  await db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The table by account key, so tables read in another order compare equal. */
function byKey(t: FeatureTable) {
  const key = (i: number) => t.keys[i]!;
  const rows = new Map(
    t.keys.map((k, i) => [
      k,
      JSON.stringify({
        features: [...t.columns].map(([name, col]) => [name, col[i]]),
        label: t.labels[i],
        tags: t.tags[i],
        registered: t.registered[i],
      }),
    ]),
  );
  const links = t.moneyLinks.map((l) => `${key(l.from)}>${key(l.to)}:${l.type}:${l.count}:${l.amount}`).sort();
  return { rows, links, props: t.propFeatures };
}

describe('risk feature table read in key ranges', () => {
  it('equals the table read in one pass', async () => {
    const whole = await readRiskFeatures(db, { ranges: 1 });
    const split = await readRiskFeatures(db, { ranges: 3, splitFrom: 0 });
    expect(whole.keys.length).toBeGreaterThan(1000);
    expect(split.keys.length).toBe(whole.keys.length);
    expect(new Set(split.keys).size).toBe(split.keys.length);
    // Not the same order: the split table is in key-range order.
    expect(split.keys).not.toEqual(whole.keys);
    const [a, b] = [byKey(whole), byKey(split)];
    expect(b.rows).toEqual(a.rows);
    expect(b.links).toEqual(a.links);
    expect(b.props).toEqual(a.props);
  });
});

describe('risk feature table summed in the database', () => {
  it('equals the Cypher table, whole and in ranges, numeric properties included', async () => {
    const cypher = await readRiskFeatures(db, { ranges: 1, engine: 'cypher' });
    expect(cypher.propFeatures).toEqual(['age', 'score']);
    expect(cypher.columns.get('prop:age')![cypher.index.get(propsAccount)!]).toBe(20);
    expect(cypher.columns.get('prop:score')![cypher.index.get(propsAccount)!]).toBe(0);
    const inDb = await readRiskFeatures(db, { ranges: 1, engine: 'db' });
    // Same accounts in the same order (both walk the account label in store order).
    expect(inDb.keys).toEqual(cypher.keys);
    const a = byKey(cypher);
    expect(byKey(inDb)).toEqual(a);
    const inDbRanges = await readRiskFeatures(db, { ranges: 3, splitFrom: 0, engine: 'db' });
    expect(byKey(inDbRanges)).toEqual(a);
    // The table has something to compare: shared identifiers, payments, intel hits, bursts, labels.
    const total = (name: string) =>
      Array.from(cypher.columns.get(name)!).reduce((s, v) => s + (Number.isNaN(v) ? 0 : v), 0);
    for (const f of [
      'sharedStrong',
      'sharedWeak',
      'payments',
      'declines',
      'proxyIps',
      'identifierBurst',
      'referredIn',
      'prop:age',
    ])
      expect(total(f), f).toBeGreaterThan(0);
    expect(cypher.labels.filter((l) => l === 'fraud').length).toBeGreaterThan(0);
  });

  it('gives the same rings and risks as the Cypher table and the identifier graph read here', async () => {
    const viaCypher = await findRings(db, { engine: 'cypher' });
    expect(viaCypher.stats.engine).toBe('cypher');
    const viaDb = await findRings(db, { engine: 'auto' });
    expect(viaDb.stats.engine).toBe('db');
    expect(viaDb.stats.engineNote).toContain('ringscope.accountRiskFeatures');
    // The pairs: summed in the database by the procedure, or here from the identifier graph.
    expect(viaDb.stats.engineNote).toContain('account pairs summed in the database (ringscope.accountLinks)');
    expect(viaCypher.stats.engineNote).toContain('account pairs summed here from the identifier graph');
    expect(viaDb.stats.links).toBe(viaCypher.stats.links);
    expect([viaDb.stats.members, viaCypher.stats.members]).toEqual(['procedure', 'cypher']);
    expect(viaCypher.rings.length).toBeGreaterThan(3);
    const rings = (r: typeof viaDb) =>
      r.rings.map((x) => ({ id: x.id, score: x.score, members: x.members, reasons: x.reasons }));
    expect(rings(viaDb)).toEqual(rings(viaCypher));
    expect(viaDb.accounts).toEqual(viaCypher.accounts);
  });
});

describe('candidate members read in the database', () => {
  it('gives the rows of the Cypher statements: tools, APIs and shared identifiers', async () => {
    const { keys } = await readRiskFeatures(db, { ranges: 1, engine: 'cypher' });
    expect(keys.length).toBeGreaterThan(1000);
    // An unknown key and a repeated one, as the statements' UNWIND meets them.
    const asked = [...keys, 'no-such-account', keys[0]!];
    // Rows as text with map keys sorted (a map's key order is not part of its value).
    const canonical = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(canonical)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .sort(([a], [b]) => (a < b ? -1 : 1))
                .map(([k, x]) => [k, canonical(x)]),
            )
          : v;
    const rows = async (statement: string, params: Record<string, unknown>) =>
      (await db.read(statement, params)).map((r) => JSON.stringify(canonical(r))).sort();
    const activity = await rows('detect/account-features', { keys: asked });
    expect(await rows('detect/account-features-in-db', { keys: asked })).toEqual(activity);
    expect(activity.length).toBe(keys.length + 1);
    expect(activity.filter((r) => r.includes('"tools":["')).length).toBeGreaterThan(0);
    expect(activity.filter((r) => r.includes('"sensitivity":')).length).toBeGreaterThan(100);
    for (const maxShare of [50, 3]) {
      const shared = await rows('detect/group-identifiers', { keys: asked, maxShare });
      expect(await rows('detect/group-identifiers-in-db', { keys: asked, maxShare }), `maxShare ${maxShare}`).toEqual(
        shared,
      );
      expect(shared.length).toBeGreaterThan(50);
    }
    const wide = (await db.read('detect/group-identifiers', { keys: asked, maxShare: 50 })).map((r) =>
      Number(r.degree),
    );
    expect(Math.max(...wide)).toBeGreaterThan(3);
  });
});
