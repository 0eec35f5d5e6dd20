// Demo data for `npm start`: when the database holds no accounts, generate a small synthetic data
// set with a fixed seed, ingest it and run detection, so a new user sees rings straight away. It
// runs after the server listens (serve --demo), reporting each step to /health; like every
// ingest and detection it runs without the API's query timeout: a slow machine makes it slower,
// never failed.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { detectRings } from './workflow/detection-run.js';
import { generate } from './generate/generate.js';
import { ingestFiles } from './ingest/ingest.js';
import { reportTask, type TaskStatus } from './startup-status.js';

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
  report: (s: TaskStatus) => void = () => {},
  accounts = DEMO_ACCOUNTS,
): Promise<boolean> {
  db = db.withoutQueryTimeout();
  const counts = (await db.read('admin/store-counts'))[0];
  if (Number(counts?.accounts ?? 0) > 0) return false;
  const startedAt = new Date().toISOString();
  const t0 = Date.now();
  const seconds = () => (Date.now() - t0) / 1000;
  const dataDir = path.dirname(config.embedded.home);
  const dir = path.join(dataDir, 'demo');
  fs.rmSync(dir, { recursive: true, force: true });
  log(`ringscope: empty database: generating demo data (${accounts} accounts, seed ${DEMO_SEED})…`);
  report({ state: 'generating', startedAt });
  try {
    await generate({ outDir: dir, accounts, seed: DEMO_SEED });
    const files = GENERATED_FILES.map((f) => path.join(dir, f));
    let filesDone = 0;
    const summary = await ingestFiles(db, files, {
      rejectsDir: path.join(dataDir, 'rejects'),
      quiet: true,
      onProgress: (p) => {
        filesDone = files.indexOf(p.file) + (p.done ? 1 : 0);
        report({
          state: 'ingesting',
          file: path.basename(p.file),
          rows: p.rows,
          estimatedRows: p.estimatedRows,
          filesDone,
          files: files.length,
          startedAt,
          seconds: seconds(),
        });
      },
    });
    const failed = summary.files.find((f) => f.error);
    if (failed) throw new Error(`demo ingest failed: ${failed.file}: ${failed.error}`);
    log(`ringscope: demo data ingested in ${summary.seconds.toFixed(1)} s; detecting rings…`);
    report({ state: 'detecting', filesDone: files.length, files: files.length, startedAt, seconds: seconds() });
    const result = await detectRings(db);
    log(`ringscope: ${result.rings.length} rings detected in ${result.seconds.toFixed(1)} s`);
    report({
      state: 'done',
      files: files.length,
      filesDone: files.length,
      rings: result.rings.length,
      startedAt,
      seconds: seconds(),
    });
    return true;
  } catch (e) {
    report({ state: 'failed', error: e instanceof Error ? e.message : String(e), startedAt, seconds: seconds() });
    throw e;
  }
}

/**
 * The demo load as `serve --demo` runs it: after the server listens, in the background, each step
 * reported under `tasks.demo` in /health. Batch work: no API query timeout (see loadDemoIfEmpty).
 */
export function startDemoLoad(
  config: Config,
  db: Database,
  accounts = DEMO_ACCOUNTS,
  log: (l: string) => void = console.error,
): Promise<boolean> {
  return loadDemoIfEmpty(config, db.withoutQueryTimeout(), log, (s) => reportTask('demo', s), accounts);
}
