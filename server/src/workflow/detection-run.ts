// A detection run as the app runs it: find, score and store the rings (detect/), then record what
// the investigator workflow keeps of each run (after-detection.ts: ring history, attack types,
// triage labels put back on surviving rings). The CLI, the API's runDetection, the demo load and
// the tests call this; detection itself knows nothing of the workflow.
import type { Database } from '../db/database.js';
import { findRings, type DetectOptions, type DetectResult } from '../detect/detect.js';
import { afterDetection, readRingVerdicts, type RingVerdicts } from './after-detection.js';

export async function detectRings(db: Database, opts: DetectOptions = {}): Promise<DetectResult> {
  // The rings' attack-type evidence is read while detection computes account risk (see onRings).
  let verdicts: Promise<RingVerdicts> | undefined;
  const result = await findRings(db, {
    ...opts,
    onRings: (rings) => {
      verdicts = readRingVerdicts(db, rings);
      // Awaited in afterDetection; a failure before then must not count as unhandled.
      verdicts.catch(() => {});
    },
  });
  const started = Date.now();
  await afterDetection(db, result.previous, result.rings, verdicts);
  const history = (Date.now() - started) / 1000;
  result.stats.phases.history = history;
  result.seconds += history;
  return result;
}
