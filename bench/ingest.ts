// Ingest benchmark: the same generated files loaded by the first design (baseline: one statement
// per link type merging node and relationship together, kept in cypher/bench/, one transaction at
// a time), by that design with nodes merged first and relationships matched after ("split"), and
// by this ingest (split, and each batch's statements run while the previous batch commits),
// after a warm-up load, taking turns on a wiped database, in one run. Also checks both give the same graph.
//
//   npx tsx bench/ingest.ts [--accounts 20000] [--runs 2]
//
// Uses its own embedded database in .data/bench-ingest (Bolt 7690); with NEO4J_URI set it WIPES
// that database.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/db/connect.js';
import { GENERATED_FILES } from '../server/src/demo.js';
import { generate } from '../server/src/generate/generate.js';
import { ingestFiles } from '../server/src/ingest/ingest.js';
import { writeResult } from './server.js';

const { values } = parseArgs({
  options: { accounts: { type: 'string', default: '20000' }, runs: { type: 'string', default: '2' } },
});
const root = path.resolve(import.meta.dirname, '..');
const config = loadConfig({
  RINGSCOPE_DATA_DIR: path.join(root, '.data', 'bench-ingest'),
  RINGSCOPE_BOLT_PORT: '7690',
  ...process.env,
});
const dir = path.join(root, '.data', 'bench-ingest', 'generated');
fs.rmSync(dir, { recursive: true, force: true });
await generate({ outDir: dir, accounts: Number(values.accounts), seed: 7 });
const files = GENERATED_FILES.map((f) => path.join(dir, f));
const open = await openDatabase(config);
const db = open.db;
const runs: { variant: string; seconds: number; rows: number; rowsPerSecond: number; graph: string }[] = [];
/** The three designs: the first one (baseline), then each change on its own. */
const VARIANTS = {
  first: { statements: 'combined', overlapCommits: false },
  split: { statements: 'split', overlapCommits: false },
  ringscope: { statements: 'split', overlapCommits: true },
} as const;
type Variant = keyof typeof VARIANTS;
const names = Object.keys(VARIANTS) as Variant[];
try {
  // One warm-up load first (JIT, page cache, query plans), not recorded; then the variants take
  // turns, the first one alternating from round to round.
  const order = (r: number) => names.map((_, i) => names[(i + r) % names.length]!);
  for (let r = -1; r < Number(values.runs); r++) {
    for (const variant of r < 0 ? (['ringscope'] as const) : order(r)) {
      await db.runAutoCommit('admin/delete-all');
      const s = await ingestFiles(db, files, {
        rejectsDir: path.join(dir, 'rejects'),
        quiet: true,
        ...VARIANTS[variant],
      });
      const rows = s.files.reduce((n, f) => n + f.rowsRead, 0);
      const c = (await db.read('admin/store-counts'))[0]!;
      const sums = (await db.read('bench/event-sums'))[0]!;
      const graph = JSON.stringify({ nodes: c.nodes, relationships: c.relationships, ...sums });
      const label = r < 0 ? 'warm-up' : variant;
      console.error(`${label}: ${s.seconds.toFixed(1)} s, ${Math.round(rows / s.seconds)} rows/s, ${graph}`);
      if (r >= 0) runs.push({ variant, seconds: s.seconds, rows, rowsPerSecond: Math.round(rows / s.seconds), graph });
    }
  }
  const graphs = new Set(runs.map((r) => r.graph));
  if (graphs.size !== 1) throw new Error(`the variants built different graphs: ${[...graphs].join(' vs ')}`);
  const mean = (v: Variant) => {
    const xs = runs.filter((r) => r.variant === v).map((r) => r.seconds);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  writeResult('ingest', {
    accounts: Number(values.accounts),
    graph: JSON.parse(runs[0]!.graph) as unknown,
    runs,
    variants: VARIANTS,
    meanSeconds: Object.fromEntries(names.map((v) => [v, Math.round(mean(v) * 10) / 10])),
    speedup: Math.round((mean('first') / mean('ringscope')) * 100) / 100,
  });
} finally {
  await open.close();
}
