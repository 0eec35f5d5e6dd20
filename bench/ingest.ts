// Ingest benchmark: the same generated files loaded, in one run, by
//   load-csv   Neo4j's own LOAD CSV … CALL { } IN TRANSACTIONS OF 2000 ROWS, one line per event
//              (bench/load-csv.ts; the rows are normalised by ringscope first, timed apart);
//   before     this ingest as it was before the latest change: every batch written by the Cypher
//              statements alone (--writer cypher), as against an external Neo4j without
//              ringscope's plugin;
//   ringscope  this ingest: accounts, identifiers and their links written by ringscope.writeBatch;
// after a warm-up load, taking turns on a wiped database. Fails if the variants build different
// graphs (nodes, relationships and every summed property).
//
//   npx tsx bench/ingest.ts [--accounts 20000] [--runs 2] [--variants load-csv,before,ringscope]
//
// Uses its own embedded database in .data/bench-ingest (Bolt 7690, or RINGSCOPE_BOLT_PORT); the
// LOAD CSV baseline needs the embedded server's import directory, so NEO4J_URI is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/db/connect.js';
import { GENERATED_FILES } from '../server/src/demo.js';
import { generate } from '../server/src/generate/generate.js';
import { ingestFiles, type IngestOptions } from '../server/src/ingest/ingest.js';
import { prepareLoadCsv, runLoadCsv } from './load-csv.js';
import { writeResult } from './server.js';

const VARIANTS = {
  'load-csv': null,
  before: { writer: 'cypher' },
  ringscope: { writer: 'procedure' },
} as const satisfies Record<string, Partial<IngestOptions> | null>;
type Variant = keyof typeof VARIANTS;
const DESCRIPTIONS: Record<Variant, string> = {
  'load-csv': "baseline: Neo4j's LOAD CSV … CALL { } IN TRANSACTIONS OF 2000 ROWS, one line per event",
  before: 'baseline: ringscope before this change (every batch written by Cypher statements, --writer cypher)',
  ringscope: 'ringscope: accounts, identifiers and their links written by ringscope.writeBatch (the default)',
};

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '2' },
    variants: { type: 'string', default: Object.keys(VARIANTS).join(',') },
  },
});
const names = values.variants.split(',') as Variant[];
for (const n of names) if (!(n in VARIANTS)) throw new Error(`unknown variant '${n}' (${Object.keys(VARIANTS)})`);
const root = path.resolve(import.meta.dirname, '..');
const config = loadConfig({
  RINGSCOPE_DATA_DIR: path.join(root, '.data', 'bench-ingest'),
  RINGSCOPE_BOLT_PORT: '7690',
  ...process.env,
});
if (config.neo4j.uri)
  throw new Error('bench/ingest.ts needs the embedded Neo4j (its import directory): unset NEO4J_URI');
const dir = path.join(root, '.data', 'bench-ingest', 'generated');
fs.rmSync(dir, { recursive: true, force: true });
await generate({ outDir: dir, accounts: Number(values.accounts), seed: 7 });
const files = GENERATED_FILES.map((f) => path.join(dir, f));
const open = await openDatabase(config);
const db = open.db;
/** CPU seconds the embedded Neo4j process has used (Linux /proc): less sensitive to other jobs than wall time. */
function neo4jCpuSeconds(): number | null {
  const pid = open.embedded?.pid;
  if (pid === undefined || !fs.existsSync(`/proc/${pid}/stat`)) return null;
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime + stime, in clock ticks (100 per second on Linux)
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface Run {
  variant: Variant;
  seconds: number;
  /** CPU seconds of the Neo4j process and of this Node process during the load. */
  cpuSeconds: { neo4j: number | null; node: number };
  rows: number;
  rowsPerSecond: number;
  graph: string;
  load: number[];
}
const runs: Run[] = [];
let prepareSeconds = 0;
try {
  let passes: Awaited<ReturnType<typeof prepareLoadCsv>> = [];
  if (names.includes('load-csv')) {
    const t = Date.now();
    passes = await prepareLoadCsv(files, path.join(config.embedded.home, 'import'));
    prepareSeconds = (Date.now() - t) / 1000;
    console.error(`load-csv: ${passes.length} files prepared in ${prepareSeconds.toFixed(1)} s (not counted)`);
  }
  const rows = await ingestRowsOf(files);
  // One warm-up load by every variant first (JIT, page cache, each variant's query plans), not
  // recorded; then the variants take turns, the first one alternating from round to round.
  const order = (r: number) => names.map((_, i) => names[(i + r) % names.length]!);
  for (let r = -1; r < Number(values.runs); r++) {
    for (const variant of order(Math.max(r, 0))) {
      await db.runAutoCommit('admin/delete-all');
      const started = Date.now();
      const cpu0 = { neo4j: neo4jCpuSeconds(), node: process.cpuUsage() };
      const options = VARIANTS[variant];
      if (options === null) await runLoadCsv(db, passes);
      else
        await ingestFiles(db, files, {
          rejectsDir: path.join(dir, 'rejects'),
          quiet: true,
          ...options,
        });
      const seconds = (Date.now() - started) / 1000;
      const neo4jCpu = neo4jCpuSeconds();
      const nodeCpu = process.cpuUsage(cpu0.node);
      const cpuSeconds = {
        neo4j: neo4jCpu === null || cpu0.neo4j === null ? null : Math.round((neo4jCpu - cpu0.neo4j) * 10) / 10,
        node: Math.round((nodeCpu.user + nodeCpu.system) / 1e5) / 10,
      };
      const c = (await db.read('bench/graph-counts'))[0]!;
      const sums = (await db.read('bench/event-sums'))[0]!;
      const graph = JSON.stringify({ ...c, ...sums });
      const label = r < 0 ? `warm-up (${variant})` : variant;
      const load = os.loadavg().map((x) => Math.round(x * 100) / 100);
      console.error(
        `${label}: ${seconds.toFixed(1)} s, ${Math.round(rows / seconds)} rows/s, CPU neo4j ${cpuSeconds.neo4j} s node ${cpuSeconds.node} s, load ${load}, ${graph}`,
      );
      if (r >= 0)
        runs.push({ variant, seconds, cpuSeconds, rows, rowsPerSecond: Math.round(rows / seconds), graph, load });
    }
  }
  const graphs = new Set(runs.map((r) => r.graph));
  if (graphs.size !== 1) throw new Error(`the variants built different graphs: ${[...graphs].join(' vs ')}`);
  const mean = (v: Variant) => {
    const xs = runs.filter((r) => r.variant === v).map((r) => r.seconds);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  const meanCpu = (v: Variant) => {
    const xs = runs.filter((r) => r.variant === v).map((r) => (r.cpuSeconds.neo4j ?? NaN) + r.cpuSeconds.node);
    return Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
  };
  const ratio = (a: Variant, b: Variant) =>
    names.includes(a) && names.includes(b) ? Math.round((mean(a) / mean(b)) * 100) / 100 : null;
  writeResult('ingest', {
    accounts: Number(values.accounts),
    rows,
    graph: JSON.parse(runs[0]!.graph) as unknown,
    runs,
    variants: Object.fromEntries(names.map((n) => [n, DESCRIPTIONS[n]])),
    loadCsvPrepareSeconds: prepareSeconds,
    meanSeconds: Object.fromEntries(names.map((v) => [v, Math.round(mean(v) * 10) / 10])),
    /** Neo4j + Node CPU seconds per load: the measure other jobs on a shared machine disturb least. */
    meanCpuSeconds: Object.fromEntries(names.map((v) => [v, meanCpu(v)])),
    speedupVsBefore: ratio('before', 'ringscope'),
    speedupVsLoadCsv: ratio('load-csv', 'ringscope'),
  });
} finally {
  await open.close();
}

/** Rows in the files (data lines), the same count every variant reads. */
async function ingestRowsOf(list: string[]): Promise<number> {
  const { openSource } = await import('../server/src/ingest/readers.js');
  let n = 0;
  for (const f of list) {
    const s = await openSource(f);
    for await (const _ of s.records) n++;
    s.close();
  }
  return n;
}
