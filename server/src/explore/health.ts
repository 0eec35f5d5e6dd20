// Health service: is the graph database reachable, which version, how much is in it. Read by
// GET /health, the `stats` query and `ringscope db status`.
import type { Database } from '../db/database.js';
import { startupTasks, type TaskStatus } from '../startup-status.js';

export interface Health {
  status: 'ok' | 'degraded';
  neo4j: {
    connected: boolean;
    version?: string;
    edition?: string;
    counts?: Record<string, number>;
    error?: string;
  };
  /** Work still running since start-up (the demo load), with its progress. */
  tasks?: Record<string, TaskStatus>;
}

export async function readHealth(db: Database): Promise<Health> {
  try {
    const info = await db.serverInfo();
    const rows = await db.read('admin/store-counts', {}, { timeoutMs: 5_000 });
    const counts: Record<string, number> = {};
    for (const [k, v] of Object.entries(rows[0] ?? {})) counts[k] = Number(v);
    const tasks = startupTasks();
    return {
      status: 'ok',
      neo4j: { connected: true, version: info.version, edition: info.edition, counts },
      ...(tasks ? { tasks } : {}),
    };
  } catch {
    const tasks = startupTasks();
    return {
      status: 'degraded',
      neo4j: { connected: false, error: 'the graph database is not reachable' },
      ...(tasks ? { tasks } : {}),
    };
  }
}
