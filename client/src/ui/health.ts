// The database badge in the top bar, from GET /health.
import { byId } from './dom.js';
import { showOverlay } from './status.js';
import { authHeaders } from '../api/token.js';

interface Health {
  status: string;
  /** Absent when the server has tokens and this tab is not signed in. */
  neo4j?: { connected: boolean; version?: string; counts?: Record<string, number> };
}

export async function showHealth(): Promise<void> {
  const el = byId('health');
  try {
    const h = (await (await fetch('/health', { headers: authHeaders() })).json()) as Health;
    if (!h.neo4j) {
      el.textContent = h.status === 'ok' ? 'Database connected · sign in for details' : 'Database unavailable';
      el.className = h.status === 'ok' ? 'health ok' : 'health down';
    } else if (h.neo4j.connected) {
      const c = h.neo4j.counts ?? {};
      el.textContent = `Neo4j ${h.neo4j.version} connected · ${c.accounts ?? 0} accounts · ${c.rings ?? 0} rings`;
      el.className = 'health ok';
    } else {
      el.textContent = 'Database unavailable';
      el.className = 'health down';
      showOverlay('The graph database is unavailable. Check that Neo4j is running, then reload.', 'error');
    }
  } catch {
    el.textContent = 'Server unreachable';
    el.className = 'health down';
  }
}
