// API latency benchmark: expand (depth 1 and 2) and ring(id){graph} through real HTTP GraphQL, side
// by side with a baseline on the same database in the same run: the textbook Cypher for the same
// question run straight through the driver (no GraphQL, no per-node caps). Run it on a loaded
// database (bench/scale.ts --accounts 100000 --keep leaves one on port 7688):
//
//   RINGSCOPE_DATA_DIR=.data/bench-scale-100000 RINGSCOPE_BOLT_PORT=7688 npx tsx bench/api.ts
import { parseArgs } from 'node:util';
import { percentile, startBenchServer, writeResult } from './server.js';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '60' } } });
const samples = Number(values.samples);
const srv = await startBenchServer();
const db = srv.open.db;

async function gql(query: string, variables: Record<string, unknown>): Promise<{ nodes: number; edges: number }> {
  const res = await fetch(`${srv.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: Record<string, { nodes: unknown[]; edges: unknown[] } | null>;
    errors?: unknown[];
  };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
  const g = Object.values(body.data ?? {})[0] as {
    nodes?: unknown[];
    edges?: unknown[];
    graph?: { nodes: unknown[]; edges: unknown[] };
  };
  const graph = g.graph ?? g;
  return { nodes: graph.nodes?.length ?? 0, edges: graph.edges?.length ?? 0 };
}

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
}

try {
  const counts = (await db.read('admin/store-counts'))[0]!;
  // Accounts from across the key space, and rings across the score range.
  const accounts: string[] = [];
  for (const from of ['u_0', 'u_4', 'u_8', 'u_c']) {
    const rows = await db.read('bench/sample-accounts', { from, n: Math.ceil(samples / 4) });
    accounts.push(...rows.map((r) => String(r.key)));
  }
  const ringRows = await db.read('explore/rings', {
    minScore: 0,
    minSize: 0,
    containing: null,
    sort: 'SCORE',
    first: 1000,
    skip: 0,
  });
  const rings = ringRows.map((r) => String((r.r as { properties: { key: string } }).properties.key));
  const ringSample = rings
    .filter((_, i) => i % Math.max(1, Math.floor(rings.length / samples)) === 0)
    .slice(0, samples);

  const series: Record<string, { ms: number[]; nodes: number[] }> = {};
  const record = (name: string, ms: number, nodes: number) => {
    const s = (series[name] ??= { ms: [], nodes: [] });
    s.ms.push(ms);
    s.nodes.push(nodes);
  };
  const expandQ = `query($ids: [ID!]!, $d: Int) { expand(ids: $ids, depth: $d, limit: 500) { nodes { id type label risk tags } edges { id source target type count } } }`;
  const ringQ = `query($id: ID!) { ring(id: $id) { graph { nodes { id type label risk tags } edges { id source target type count } } } }`;
  // Warm-up: plans cached and pages in, for both sides.
  for (const key of accounts.slice(0, 5)) {
    await gql(expandQ, { ids: [`Account:${key}`], d: 2 });
    await db.read('bench/naive-expand-2', { key, limit: 500 });
  }
  for (const key of accounts) {
    for (const depth of [1, 2]) {
      const [ms, g] = await timed(() => gql(expandQ, { ids: [`Account:${key}`], d: depth }));
      record(`expand depth ${depth}: ringscope (GraphQL over HTTP)`, ms, g.nodes);
      const [bms, rows] = await timed(() => db.read(`bench/naive-expand-${depth}`, { key, limit: 500 }));
      record(`expand depth ${depth}: baseline (plain Cypher pattern, driver)`, bms, rows.length);
    }
  }
  for (const id of ringSample) {
    const [ms, g] = await timed(() => gql(ringQ, { id }));
    record('ring graph: ringscope (GraphQL over HTTP)', ms, g.nodes);
    const [bms, rows] = await timed(() => db.read('explore/ring-graph', { id }));
    record('ring graph: baseline (its Cypher alone, driver)', bms, rows.length);
  }
  const results = Object.entries(series).map(([name, s]) => ({
    name,
    requests: s.ms.length,
    medianMs: percentile(s.ms, 50),
    p95Ms: percentile(s.ms, 95),
    maxMs: percentile(s.ms, 100),
    medianSize: percentile(s.nodes, 50),
    maxSize: percentile(s.nodes, 100),
  }));
  for (const r of results) console.error(JSON.stringify(r));
  writeResult('api', {
    database: {
      accounts: counts.accounts,
      nodes: counts.nodes,
      relationships: counts.relationships,
      rings: counts.rings,
    },
    note: 'size = nodes returned (ringscope) or rows (baseline); expand limit 500, 100 neighbours per node',
    results,
  });
} finally {
  await srv.close();
}
