// /health over real HTTP against the real database.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { buildApp } from '../../server/src/http/app.js';
import { listen } from '../../server/src/http/serve.js';
import { openTestDb, testConfig, wipe } from '../helpers/neo4j.js';

let db: Database;
let server: Server;
let base: string;
beforeAll(async () => {
  const config = testConfig();
  db = await openTestDb(config);
  await wipe(db);
  server = await listen(buildApp({ config, db }), config);
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await db.close();
});

describe('/health', () => {
  it('says Neo4j is connected, with version and counts', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      neo4j: { connected: boolean; version: string; counts: Record<string, number> };
    };
    expect(body.status).toBe('ok');
    expect(body.neo4j.connected).toBe(true);
    expect(body.neo4j.version).toMatch(/^5\./);
    expect(body.neo4j.counts.accounts).toBe(0);
  });
});
