// The demo load of `npm start` on a slow machine: it runs after the server listens, shows its
// progress in /health until done, and never runs under the API's query timeout — a database slowed
// down (every write transaction held back, a 1 ms API timeout) makes it slower, not failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../server/src/config.js';
import type { Database } from '../../server/src/db/database.js';
import { startDemoLoad } from '../../server/src/demo.js';
import { startServer, type RunningServer } from '../../server/src/http/start-server.js';
import { openTestDb, testConfig, wipe } from '../helpers/neo4j.js';

let db: Database;
let slow: Database;
let config: Config;
let server: RunningServer;
beforeAll(async () => {
  const base = testConfig();
  db = await openTestDb(base);
  await wipe(db);
  server = await startServer({ ...base, http: { ...base.http, port: 0 } }, db);
  // The demo load's database handle: an API timeout no ingest batch could meet (before, the demo
  // load failed on it), and a test hook slowing it down: every write transaction waits 150 ms first.
  config = { ...base, limits: { ...base.limits, queryTimeoutMs: 1 } };
  slow = await openTestDb(base);
  // Opened (schema applied) normally; from here on its API timeout is 1 ms.
  Object.defineProperty(slow, 'defaultTimeoutMs', { value: () => 1 });
  const writeTx = slow.writeTx.bind(slow);
  slow.writeTx = async (work, opts) => {
    await new Promise((r) => setTimeout(r, 150));
    return writeTx(work, opts);
  };
});
afterAll(async () => {
  await server?.close();
  await slow?.close();
  await wipe(db);
  await db.close();
});

interface HealthBody {
  status: string;
  tasks?: {
    demo?: { state: string; file?: string; rows?: number; estimatedRows?: number; rings?: number; error?: string };
  };
}

describe('the demo load behind a slowed-down database', () => {
  it('serves /health at once, shows the load progressing, and finishes', { timeout: 900_000 }, async () => {
    const load = startDemoLoad(config, slow, 300, () => {});
    const seen = new Set<string>();
    let body: HealthBody | undefined;
    for (;;) {
      const res = await fetch(`${server.url}/health`);
      expect(res.status).toBe(200);
      body = (await res.json()) as HealthBody;
      const demo = body.tasks?.demo;
      if (demo) seen.add(demo.state);
      if (demo?.state === 'done' || demo?.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await load;
    expect(body.tasks?.demo?.error).toBeUndefined();
    expect(body.tasks?.demo?.state).toBe('done');
    expect(body.tasks?.demo?.rings).toBeGreaterThan(0);
    expect(seen.size).toBeGreaterThan(0); // the load was seen in progress or done, never missing
    // 'detecting' is not asserted: on a quiet machine detection of the demo set ends between two
    // 200 ms polls (CI saw ['ingesting', 'done']); state 'done' with rings > 0 shows it ran.
  });
});
