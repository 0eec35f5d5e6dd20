// Fault injection: the database goes away (a TCP proxy in front of the test Neo4j drops every
// connection) in the middle of an ingest and under a running server. Ingest stops with a summary
// saying where, the rerun resumes to exactly the clean run's graph; the server answers
// DATABASE_UNAVAILABLE meanwhile and reconnects by itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CypherCatalog } from '../../server/src/db/cypher-catalog.js';
import { Database } from '../../server/src/db/database.js';
import { ingestFiles } from '../../server/src/ingest/ingest.js';
import { openTestDb, testConfig, wipe } from '../helpers/neo4j.js';
import { startServer } from '../helpers/server.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

let direct: Database;
let proxy: TcpProxy;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-outage-'));
const rejectsDir = path.join(tmp, 'rejects');

function viaProxy() {
  const config = testConfig({ NEO4J_URI: proxy.uri });
  return { config, db: new Database(config, new CypherCatalog(path.join(config.rootDir, 'cypher')), proxy.uri) };
}

beforeAll(async () => {
  direct = await openTestDb();
  proxy = await startTcpProxy(testConfig().neo4j.uri!);
});
afterEach(() => proxy.restore());
afterAll(async () => {
  await proxy.close();
  await wipe(direct);
  await direct.close();
});

const counts = async () => (await direct.read('admin/store-counts'))[0]!;

function registrations(file: string, rows: number): string {
  const lines = ['user_id,signup_time,ip_address,device_id'];
  for (let i = 0; i < rows; i++)
    lines.push(`u${i},2024-01-01T00:${String(i % 60).padStart(2, '0')}:00Z,10.${i % 7}.${i % 200}.1,dev-${i % 900}`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('database outage', () => {
  it('ingest stops with a summary of where, and the rerun resumes to the clean result', async () => {
    const file = registrations(path.join(tmp, 'registrations.csv'), 3000);
    const second = registrations(path.join(tmp, 'registrations-2.csv'), 10);
    await wipe(direct);
    await ingestFiles(direct, [file, second], { rejectsDir, quiet: true, batchSize: 100 });
    const clean = await counts();
    await wipe(direct);

    const { db } = viaProxy();
    await db.waitUntilReachable(10_000);
    // Cut the connection once a few batches have committed.
    const watcher = setInterval(() => {
      void direct.readText('MATCH (f:IngestFile) RETURN max(f.rowsDone) AS n').then(
        (rows) => {
          if (Number(rows[0]?.n ?? 0) >= 300) {
            clearInterval(watcher);
            void proxy.cut();
          }
        },
        () => {},
      );
    }, 50);
    const interrupted = await ingestFiles(db, [file, second], { rejectsDir, quiet: true, batchSize: 100 });
    clearInterval(watcher);
    expect(interrupted.interrupted).toBe(true);
    const [first, rest] = interrupted.files;
    expect(first!.error).toMatch(
      /registrations\.csv: the graph database became unreachable; at least \d+ rows are committed/,
    );
    expect(rest!.error).toBe('not started: the graph database is not reachable');
    const committed = first!.rowsRead;
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(3000);
    // What the summary says is committed is in the graph; at most the batches in flight (two) more.
    const accounts = (await counts()).accounts!;
    expect(accounts).toBeGreaterThanOrEqual(committed);
    expect(accounts).toBeLessThanOrEqual(committed + 200);
    const checkpoint = await direct.readText('MATCH (f:IngestFile) RETURN max(f.rowsDone) AS n');
    expect(checkpoint[0]!.n).toBe(accounts);
    await db.close();
    await proxy.restore();

    const again = viaProxy().db;
    const resumed = await ingestFiles(again, [file, second], { rejectsDir, quiet: true, batchSize: 100 });
    await again.close();
    expect(resumed.files.map((f) => f.error)).toEqual([undefined, undefined]);
    expect(resumed.files[0]!.resumedFrom).toBe(accounts);
    expect(await counts()).toEqual(clean);
  }, 400_000);

  it('the server reports DATABASE_UNAVAILABLE during an outage and recovers by itself', async () => {
    const { config, db } = viaProxy();
    await db.waitUntilReachable(10_000);
    const server = await startServer(config, db);
    const gql = async (query: string) => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return (await res.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] };
    };
    try {
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      await proxy.cut();
      const down = await gql('{ stats { accounts } }');
      expect(down.errors?.[0]?.extensions.code).toBe('DATABASE_UNAVAILABLE');
      await proxy.restore();
      let healthy = false;
      for (let i = 0; i < 60 && !healthy; i++) {
        const r = await gql('{ stats { accounts } }');
        healthy = r.errors === undefined;
        if (!healthy) await new Promise((r) => setTimeout(r, 500));
      }
      expect(healthy).toBe(true);
    } finally {
      await server.close();
      await db.close();
    }
  });
});
