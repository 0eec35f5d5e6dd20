// The two ways a transactional ingest writes its batches (write-batch.ts): ringscope's procedure
// (ringscope.writeBatch, the default where the database has it) and the Cypher statements alone
// build the same graph from the same files: the same nodes and relationships, every property with
// its value type, every sum, and the same created counts. Small batches, overlapping commits as
// always: keys and links met again in later batches and files take the merge-and-add paths.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedTransaction, Transaction } from 'neo4j-driver';
import type { Database } from '../../server/src/db/database.js';
import { GENERATED_FILES } from '../../server/src/demo.js';
import { generate } from '../../server/src/generate/generate.js';
import { ingestFiles } from '../../server/src/ingest/ingest.js';
import { dumpGraph, expectSameGraph } from '../helpers/graph-dump.js';
import { openTestDb, testConfig, wipe } from '../helpers/neo4j.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-writer-'));
const files = GENERATED_FILES.map((f) => path.join(tmp, f));
let db: Database;

beforeAll(async () => {
  await generate({ outDir: tmp, accounts: 1500, seed: 11 });
  db = await openTestDb(testConfig({ RINGSCOPE_QUERY_TIMEOUT_MS: '600000' }));
});
afterAll(async () => {
  await wipe(db);
  await db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function load(writer: 'cypher' | 'procedure') {
  await wipe(db);
  const summary = await ingestFiles(db, files, {
    rejectsDir: path.join(tmp, `rejects-${writer}`),
    quiet: true,
    batchSize: 150,
    writer,
  });
  expect(summary.writer).toBe(writer);
  expect(summary.files.map((f) => f.error ?? f.rejected)).toEqual(summary.files.map(() => 0));
  return { summary, graph: await dumpGraph(db) };
}

describe('ingest writers', () => {
  it('the procedure builds the same graph as the Cypher statements, and is the default', async () => {
    const cypher = await load('cypher');
    const procedure = await load('procedure');
    const { nodeProps, relProps } = expectSameGraph(procedure.graph, cypher.graph);
    expect(nodeProps).toBeGreaterThan(30_000);
    expect(relProps).toBeGreaterThan(30_000);
    expect(procedure.summary.nodesCreated).toBe(cypher.summary.nodesCreated);
    expect(procedure.summary.relationshipsCreated).toBe(cypher.summary.relationshipsCreated);
    expect(procedure.summary.nodesCreated).toBe(procedure.graph.nodes.size);
    expect(procedure.summary.relationshipsCreated).toBe(procedure.graph.relationships.size);
    // Merged across batches and files: accounts seen in several logs, links met again with their sums.
    const sources = [...procedure.graph.nodes.values()].filter(
      (p) => ((p.sources?.[1] as string[] | undefined)?.length ?? 0) > 1,
    );
    expect(sources.length).toBeGreaterThan(1000);
    const repeated = [...procedure.graph.relationships.values()].filter((p) => Number(p.count?.[1]) > 1);
    expect(repeated.length).toBeGreaterThan(500);
    const paid = [...procedure.graph.relationships].filter(([id, p]) => id.startsWith('PAID_WITH') && p.eventTimes);
    expect(paid.length).toBeGreaterThan(100);

    // Without a writer named, an ingest takes the procedure the test database has.
    await wipe(db);
    const auto = await ingestFiles(db, files.slice(0, 3), { rejectsDir: path.join(tmp, 'rejects-auto'), quiet: true });
    expect(auto.writer).toBe('procedure');
  }, 600_000);

  // Two batches in flight at once, as when a batch runs while the one before it commits: the second
  // must add to what the first committed, not to what it read before (a lost count otherwise).
  // Cypher locks before reading a property it sets from itself; the procedure locks what it finds.
  it.each(['procedure', 'cypher'] as const)('adds to what an overlapping batch committed (%s)', async (writer) => {
    await wipe(db);
    const t0 = Date.parse('2025-01-01T00:00:00Z');
    const batch = (minute: number) => {
      const t = t0 + minute * 60_000;
      return {
        account: {
          key: 'u_overlap',
          first: t,
          last: t,
          registeredAt: null,
          firstOrderAt: null,
          label: null,
          props: {},
        },
        ip: { key: '203.0.113.9', first: t, last: t, nodeProps: {} },
        link: { account: 'u_overlap', key: '203.0.113.9', first: t, last: t, count: 1, failures: 1, amount: 0 },
      };
    };
    const write = async (tx: ManagedTransaction | Transaction, b: ReturnType<typeof batch>) => {
      if (writer === 'procedure') {
        // One row, as columns (name → values).
        const cols = (row: object) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, [v]]));
        await tx.run(db.catalog.get('ingest/write-batch'), {
          accounts: cols(b.account),
          nodes: [{ label: 'IP', rows: cols(b.ip) }],
          links: [{ type: 'USED_IP', label: 'IP', sums: ['failures'], rows: cols(b.link) }],
          source: 'overlap',
          keep: 1000,
        });
      } else {
        await tx.run(db.catalog.get('ingest/accounts'), { rows: [b.account], source: 'overlap' });
        await tx.run(db.catalog.get('ingest/node-ip'), { rows: [b.ip] });
        await tx.run(db.catalog.get('ingest/link-used-ip'), { rows: [b.link], keep: 1000 });
      }
    };
    const first = db.driver.session();
    const second = db.driver.session();
    try {
      await first.executeWrite((tx) => write(tx, batch(0)));
      const tx1 = first.beginTransaction();
      await write(tx1, batch(5));
      const tx2 = second.beginTransaction();
      // Times inside what the graph already has: its first write is the link's count, read first.
      const running = write(tx2, batch(0));
      // The second batch reaches the same account, IP and link while the first holds them.
      await new Promise((r) => setTimeout(r, 500));
      await tx1.commit();
      await running;
      await tx2.commit();
    } finally {
      await first.close();
      await second.close();
    }
    const [row] = await db.readText(
      `MATCH (a:Account {key: 'u_overlap'})-[r:USED_IP]->(n:IP)
       RETURN r.count AS count, r.failures AS failures, toString(r.firstSeen) AS first, toString(r.lastSeen) AS last,
              toString(a.firstSeen) AS accountFirst, toString(a.lastSeen) AS accountLast, toString(n.firstSeen) AS ipFirst`,
    );
    expect(row).toEqual({
      count: 3,
      failures: 3,
      first: '2025-01-01T00:00:00Z',
      last: '2025-01-01T00:05:00Z',
      accountFirst: '2025-01-01T00:00:00Z',
      accountLast: '2025-01-01T00:05:00Z',
      ipFirst: '2025-01-01T00:00:00Z',
    });
  });
});
