// Logs in a layout ingest has never seen: the generated data set with every header renamed
// (test/helpers/renamed-headers.ts). With no mapping the plan finds each column's role from values
// and the other files, and detection finds the same rings as with the original names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { GENERATED_FILES } from '../../server/src/demo.js';
import { detectRings } from '../../server/src/workflow/detection-run.js';
import { generate } from '../../server/src/generate/generate.js';
import { ingestFiles } from '../../server/src/ingest/ingest.js';
import { planRun } from '../../server/src/ingest/plan-run.js';
import { openTestDb, wipe } from '../helpers/neo4j.js';
import { RENAMES, renameHeaders } from '../helpers/renamed-headers.js';

let db: Database;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-renamed-'));
const original = GENERATED_FILES.map((f) => path.join(tmp, 'gen', f));
let renamed: string[];

beforeAll(async () => {
  db = await openTestDb();
  await generate({ outDir: path.join(tmp, 'gen'), accounts: 600, seed: 5 });
  renamed = renameHeaders(path.join(tmp, 'gen'), path.join(tmp, 'renamed'), GENERATED_FILES);
});
afterAll(async () => {
  await wipe(db);
  await db.close();
});

async function ringsAfterIngest(files: string[]) {
  await wipe(db);
  const s = await ingestFiles(db, files, { rejectsDir: path.join(tmp, 'rejects'), quiet: true });
  expect(s.files.filter((f) => f.error)).toEqual([]);
  for (const f of s.files) expect(f.accepted + f.rejected + f.skipped).toBe(f.rowsRead);
  const result = await detectRings(db);
  return { summary: s, rings: result.rings.map((r) => [...r.members].sort().join(' ')).sort() };
}

describe('generated logs with every header renamed', () => {
  it('plans every column to the same role as under its original name', async () => {
    const [a, b] = await Promise.all([planRun(original, {}), planRun(renamed, {})]);
    expect(b.problems).toEqual([]);
    for (const [i, f] of GENERATED_FILES.entries()) {
      const before = a.files[i]!;
      const after = b.files[i]!;
      expect(after.kind, f).toBe(before.kind);
      const renames = RENAMES[f]!;
      // A column empty in the whole file carries nothing either way: listed as ignored, and why.
      const empty = after.columns.filter((c) => c.evidence === 'empty in every sampled row').map((c) => c.column);
      const fieldsBefore = Object.fromEntries(
        Object.entries(before.mapping.columns)
          .map(([k, h]) => [k, renames[h]!])
          .filter(([, h]) => !empty.includes(h!)),
      );
      expect(after.mapping.columns, f).toEqual(fieldsBefore);
      for (const h of empty) expect(after.columns.find((c) => c.column === h)?.role).toBe('ignored');
      // Nothing dropped unlisted: every column of the file is in the plan.
      expect(
        after.columns.map((c) => c.column),
        f,
      ).toEqual(Object.values(renames));
    }
  });

  it('detection finds the same rings as with the original names', { timeout: 900_000 }, async () => {
    const before = await ringsAfterIngest(original);
    const after = await ringsAfterIngest(renamed);
    expect(before.rings.length).toBeGreaterThan(0);
    expect(after.rings).toEqual(before.rings);
    expect(after.summary.files.map((f) => [f.rowsRead, f.accepted, f.rejected, f.skipped])).toEqual(
      before.summary.files.map((f) => [f.rowsRead, f.accepted, f.rejected, f.skipped]),
    );
  });
});
