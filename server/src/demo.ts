// Demo data for `npm start`: when the database holds no accounts, generate a small synthetic data
// set with a fixed seed, ingest it and run detection, so a new user sees rings straight away.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { detectRings } from './detect/detect.js';
import { generate } from './generate/generate.js';
import { ingestFiles } from './ingest/ingest.js';

export const DEMO_ACCOUNTS = 3000;
export const DEMO_SEED = 42;
/** Ingest order: assets and intel first so tags are there when accounts link to them. */
export const GENERATED_FILES = [
  'api_assets.csv',
  'intel.csv',
  'registrations.csv',
  'logins.csv',
  'orders.csv',
  'transfers.csv',
  'labels.csv',
];

export async function loadDemoIfEmpty(
  config: Config,
  db: Database,
  log: (l: string) => void = console.error,
): Promise<boolean> {
  const counts = (await db.read('admin/store-counts'))[0];
  if (Number(counts?.accounts ?? 0) > 0) return false;
  const dataDir = path.dirname(config.embedded.home);
  const dir = path.join(dataDir, 'demo');
  fs.rmSync(dir, { recursive: true, force: true });
  log(`ringscope: empty database: generating demo data (${DEMO_ACCOUNTS} accounts, seed ${DEMO_SEED})…`);
  await generate({ outDir: dir, accounts: DEMO_ACCOUNTS, seed: DEMO_SEED });
  const summary = await ingestFiles(
    db,
    GENERATED_FILES.map((f) => path.join(dir, f)),
    { rejectsDir: path.join(dataDir, 'rejects'), quiet: true },
  );
  const failed = summary.files.find((f) => f.error);
  if (failed) throw new Error(`demo ingest failed: ${failed.file}: ${failed.error}`);
  log(`ringscope: demo data ingested in ${summary.seconds.toFixed(1)} s; detecting rings…`);
  const result = await detectRings(db);
  log(`ringscope: ${result.rings.length} rings detected in ${result.seconds.toFixed(1)} s`);
  return true;
}
