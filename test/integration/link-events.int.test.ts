// Per-event money on links: transfers and card payments keep each dated event's time and amount
// (not only per-pair sums), appended across files and batches in arrival order, capped at the
// latest EVENTS_KEPT_PER_LINK per pair, and shown through GraphQL (edge events, the trace's timeline).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { ingestFiles } from '../../server/src/ingest/ingest.js';
import { parseMapping } from '../../server/src/ingest/mapping-file.js';
import { EVENTS_KEPT_PER_LINK } from '../../server/src/model/events.js';
import { openTestDb, testConfig, wipe } from '../helpers/neo4j.js';
import { gqlData } from '../helpers/graphql.js';
import { startServer, type RunningServer } from '../helpers/server.js';

let db: Database;
let server: RunningServer;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-events-'));
const T0 = Date.UTC(2025, 2, 1, 9, 0, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function csv(name: string, header: string, rows: (string | number)[][]): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, [header, ...rows.map((r) => r.join(','))].join('\n') + '\n');
  return file;
}

async function ingest(file: string, mapping: unknown) {
  const s = await ingestFiles(db, [file], {
    rejectsDir: path.join(tmp, 'rejects'),
    quiet: true,
    batchSize: 250,
    mapping: parseMapping(mapping, 'test mapping'),
  });
  expect(s.files[0]?.error).toBeUndefined();
  expect(s.files[0]?.accepted).toBe(s.files[0]?.rowsRead);
  return s;
}

const transfers = { kind: 'order', columns: { account: 'payer', toAccount: 'payee', time: 'ts', amount: 'amount' } };
const payments = { kind: 'order', columns: { account: 'user', card: 'card', time: 'ts', amount: 'amount' } };

const gql = (query: string, variables: Record<string, unknown> = {}) => gqlData(server.url, query, variables);

beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  // a→b: three dated transfers, then two more in a second file and an undated one in a third; c→d: 1,005 transfers over two files (more than are kept).
  await ingest(
    csv('t1.csv', 'payer,payee,ts,amount', [
      ['a', 'b', at(0), 100],
      ['a', 'b', at(5), 250.5],
      ['a', 'b', at(60), 40],
      ...Array.from({ length: 600 }, (_, i) => ['c', 'd', at(i), i + 1]),
    ]),
    transfers,
  );
  await ingest(
    csv('t2.csv', 'payer,payee,ts,amount', [
      ['a', 'b', at(1440), 999],
      ['a', 'b', at(30), 1],
      ...Array.from({ length: 405 }, (_, i) => ['c', 'd', at(600 + i), 601 + i]),
    ]),
    transfers,
  );
  // A transfer log without times: it counts in the sums, never on a timeline.
  await ingest(csv('undated.csv', 'payer,payee,amount', [['a', 'b', 7]]), {
    kind: 'order',
    columns: { account: 'payer', toAccount: 'payee', amount: 'amount' },
  });
  await ingest(
    csv('p.csv', 'user,card,ts,amount', [
      ['a', '4111111111111111', at(2), 12.5],
      ['a', '4111111111111111', at(3), 13.5],
    ]),
    payments,
  );
  server = await startServer(testConfig(), db);
}, 300_000);
afterAll(async () => {
  await server?.close();
  await wipe(db);
  await db?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const link = async (from: string, type: string) =>
  (
    await db.readText(
      `MATCH (:Account {key: $from})-[r]->() WHERE type(r) = $type
       RETURN r.count AS count, r.amount AS amount, r.eventTimes AS times, r.eventAmounts AS amounts`,
      { from, type },
    )
  )[0] as { count: number; amount: number; times: number[]; amounts: number[] };

describe('per-event time and amount on money links', () => {
  it('keeps every dated transfer in arrival order across files, beside the sums', async () => {
    const ab = await link('a', 'TRANSFERRED_TO');
    expect(ab.count).toBe(6);
    expect(ab.amount).toBeCloseTo(100 + 250.5 + 7 + 40 + 999 + 1);
    expect(ab.times).toEqual([0, 5, 60, 1440, 30].map((m) => T0 + m * 60_000));
    expect(ab.amounts).toEqual([100, 250.5, 40, 999, 1]);
  });

  it('keeps the latest events of a busy pair and counts them all', async () => {
    const cd = await link('c', 'TRANSFERRED_TO');
    expect(cd.count).toBe(1005);
    expect(cd.times).toHaveLength(EVENTS_KEPT_PER_LINK);
    expect(cd.amounts[0]).toBe(1005 - EVENTS_KEPT_PER_LINK + 1);
    expect(cd.amounts.at(-1)).toBe(1005);
  });

  it('keeps card payments one by one too', async () => {
    const paid = await link('a', 'PAID_WITH');
    expect(paid.amounts).toEqual([12.5, 13.5]);
  });

  it('shows the events on edges and one timeline line per transfer in the trace', async () => {
    const data = await gql(
      'query($id: ID!) { trace(id: $id) { events { time kind detail } graph { edges { type props events { time amount } } } } }',
      { id: 'Account:a' },
    );
    const edges = data.trace.graph.edges as { type: string; props: Record<string, unknown>; events: unknown }[];
    const transfer = edges.find((e) => e.type === 'TRANSFERRED_TO')!;
    expect(transfer.events).toEqual([
      { time: at(0), amount: 100 },
      { time: at(5), amount: 250.5 },
      { time: at(60), amount: 40 },
      { time: at(1440), amount: 999 },
      { time: at(30), amount: 1 },
    ]);
    expect(Object.keys(transfer.props)).not.toContain('eventTimes');
    expect(edges.find((e) => e.type === 'USED_IP')?.events ?? null).toBeNull();
    const lines = (data.trace.events as { time: string; kind: string; detail: string }[]).filter(
      (e) => e.kind === 'TRANSFERRED_TO',
    );
    // Five dated transfers one by one, in time order, and the undated one summed in a line of its own.
    const perEvent = lines.filter((l) => /: [\d.]+$/.test(l.detail));
    expect(perEvent.map((l) => [l.time, l.detail])).toEqual([
      [at(0), 'transferred money to b: 100'],
      [at(5), 'transferred money to b: 250.5'],
      [at(30), 'transferred money to b: 1'],
      [at(60), 'transferred money to b: 40'],
      [at(1440), 'transferred money to b: 999'],
    ]);
    expect(lines.filter((l) => !perEvent.includes(l)).map((l) => l.detail)).toEqual([
      'transferred money to b (6×, 1 not listed one by one)',
    ]);
  });
});
