// Detection reads the per-account risk feature table in key ranges at once when there are many
// accounts (50k and more). Read in three ranges, generated logs must give exactly the table read in
// one pass: every account once, every feature, label, tag and money link equal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { GENERATED_FILES } from '../../server/src/demo.js';
import { readRiskFeatures, type FeatureTable } from '../../server/src/detect/risk-features.js';
import { generate } from '../../server/src/generate/generate.js';
import { ingestFiles } from '../../server/src/ingest/ingest.js';
import { openTestDb, wipe } from '../helpers/neo4j.js';

let db: Database;
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
