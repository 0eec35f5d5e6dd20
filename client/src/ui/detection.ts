// Running detection from the web app (the runDetection mutation, admin only), and the
// 'ringscope:detected' event it sends so every list of rings or risk reloads from the new result.
import { gql } from '../api/graphql.js';
import { RunDetectionMutation } from '../api/queries.js';
import { setStatus } from './status.js';

export const DETECTED_EVENT = 'ringscope:detected';

/** Runs detection and tells the lists; throws what the API said (e.g. FORBIDDEN below admin). */
export async function runDetection(): Promise<void> {
  setStatus('Running detection…');
  const { runDetection: r } = await gql(RunDetectionMutation, {});
  setStatus(`Detection done in ${r.seconds.toFixed(1)} s: ${r.rings} rings, ${r.flaggedAccounts} accounts flagged.`);
  document.dispatchEvent(new CustomEvent(DETECTED_EVENT));
}

/** Calls `reload` whenever detection has run again. */
export function onDetected(reload: () => void): void {
  document.addEventListener(DETECTED_EVENT, reload);
}
