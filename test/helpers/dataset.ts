// Generates a small synthetic data set, ingests it into the test database and runs detection:
// the real pipeline, end to end, as the data behind API and browser tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../server/src/db/database.js';
import { GENERATED_FILES } from '../../server/src/demo.js';
import { detectRings } from '../../server/src/workflow/detection-run.js';
import { generate, type TruthRing } from '../../server/src/generate/generate.js';
import { ingestFiles } from '../../server/src/ingest/ingest.js';

export interface Dataset {
  dir: string;
  truth: { rings: TruthRing[]; legitGroups: { kind: string; members: string[] }[] };
}

export async function loadDataset(db: Database, accounts: number, seed: number): Promise<Dataset> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ringscope-${seed}-`));
  await generate({ outDir: dir, accounts, seed });
  const summary = await ingestFiles(
    db,
    GENERATED_FILES.map((f) => path.join(dir, f)),
    { rejectsDir: path.join(dir, 'rejects'), quiet: true },
  );
  const failed = summary.files.find((f) => f.error || f.rejected > 0);
  if (failed) throw new Error(`dataset ingest: ${failed.file}: ${failed.error ?? `${failed.rejected} rejected`}`);
  await detectRings(db);
  return { dir, truth: JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Dataset['truth'] };
}
