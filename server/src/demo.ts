// Demo data for `npm start`: when the database is empty, generate a small synthetic data set with a
// fixed seed, ingest it and run detection, so a new user sees rings straight away.
import type { Config } from './config.js';
import type { Database } from './db/database.js';

export async function loadDemoIfEmpty(_config: Config, _db: Database): Promise<void> {
  // Filled in by the ingest and generator work (issue 3).
}
