// A detection run as the app runs it: find, score and store the rings (detect/), then record what
// the investigator workflow keeps of each run (after-detection.ts: ring history, attack types,
// triage labels put back on surviving rings). The CLI, the API's runDetection, the demo load and
// the tests call this; detection itself knows nothing of the workflow.
import type { Database } from '../db/database.js';
import { findRings, type DetectOptions, type DetectResult } from '../detect/detect.js';
import { afterDetection } from './after-detection.js';

export async function detectRings(db: Database, opts: DetectOptions = {}): Promise<DetectResult> {
  const result = await findRings(db, opts);
  const started = Date.now();
  await afterDetection(db, result.previous, result.rings);
  const history = (Date.now() - started) / 1000;
  result.stats.phases.history = history;
  result.seconds += history;
  return result;
}
