// The database badge in the top bar, from GET /health. While the demo load of `npm start` runs, the
// badge shows its step and is polled until the load ends; its end counts as a detection run, so
// the ring and risk lists reload. A detection run from the app refreshes the counts.
import { byId } from './dom.js';
import { showOverlay } from './status.js';
import { authHeaders } from '../api/token.js';
import { DETECTED_EVENT, onDetected } from './detection.js';

interface Health {
  status: string;
  /** Absent when the server has tokens and this tab is not signed in. */
  neo4j?: { connected: boolean; version?: string; counts?: Record<string, number> };
  tasks?: { demo?: { state: string } };
}

const DEMO_POLL_MS = 3_000;
const RUNNING = ['generating', 'ingesting', 'detecting'];
let demoRunning = false;

export async function showHealth(): Promise<void> {
  const el = byId('health');
  try {
    const h = (await (await fetch('/health', { headers: authHeaders() })).json()) as Health;
    const demo = h.tasks?.demo?.state;
    if (!h.neo4j) {
      el.textContent = h.status === 'ok' ? 'Database connected · sign in for details' : 'Database unavailable';
      el.className = h.status === 'ok' ? 'health ok' : 'health down';
    } else if (h.neo4j.connected) {
      const c = h.neo4j.counts ?? {};
      el.textContent = `Neo4j ${h.neo4j.version} connected · ${c.accounts ?? 0} accounts · ${c.rings ?? 0} rings${
        demo && RUNNING.includes(demo) ? ` · demo data: ${demo}…` : ''
      }`;
      el.className = 'health ok';
    } else {
      el.textContent = 'Database unavailable';
      el.className = 'health down';
      showOverlay('The graph database is unavailable. Check that Neo4j is running, then reload.', 'error');
    }
    if (demo && RUNNING.includes(demo)) {
      demoRunning = true;
      setTimeout(() => void showHealth(), DEMO_POLL_MS);
    } else if (demoRunning) {
      demoRunning = false;
      if (demo === 'done') document.dispatchEvent(new CustomEvent(DETECTED_EVENT));
    }
  } catch {
    el.textContent = 'Server unreachable';
    el.className = 'health down';
  }
}

/** Shows the badge now and again after every detection run. */
export function initHealth(): void {
  onDetected(() => void showHealth());
  void showHealth();
}
