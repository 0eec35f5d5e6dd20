// Scale run: generate N accounts, ingest them, detect and evaluate, each step as the real CLI in its
// own process on its own embedded Neo4j (data in .data/bench-<name>, Bolt port 7688), so the numbers
// are what a user sees. Writes bench/results/<name>.json (default name scale-<N>).
//
//   npx tsx bench/scale.ts --accounts 100000 [--seed 7] [--port 7688] [--name scale-100000] [--keep]
//                          [--ingest both|tx|bulk]
//
// --ingest both (default): the transactional ingest, then `ingest --bulk` (offline importer) of the
// same files into a second data dir (Bolt port + 10), side by side in this run, the graphs' counts
// compared; detection runs on the transactional one. bulk: only the bulk load (for sizes where the
// transactional ingest takes too long to repeat), detection on it. tx: only the transactional one.
//
// --keep leaves the database running and filled (the API latency benchmark reuses it);
// --detect-only reruns detect + evaluate on the data an earlier run of the same name loaded;
// --fresh (with --detect-only) first removes what earlier runs stored (rings, account risk, run
// history, triage: cypher/bench/clear-detection.cypher), so detection runs as it does right after a
// load; --rerun then detects once more on the same, now warm, database (what "Run detection" in the
// web app does on a server that is up), recorded as detectRerun. --compare-engines runs, between the
// two, `detect --engine cypher` (the feature table summed by the portable Cypher statement instead
// of ringscope's procedure in the database) on the same warm database, recorded as detectCypher, and
// `detect --engine gds` (accounts grouped inside Neo4j by Graph Data Science), recorded as detectGds
// with whether its rings (members and scores) equal those of the first detection, and
// `detect --pairs graph` (the feature table in the database as by default, the account pairs summed in
// this process from the identifier graph instead of by ringscope.accountLinks), recorded as
// detectGraphPairs with the same comparison.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/db/connect.js';
import { GENERATED_FILES } from '../server/src/demo.js';
import { writeResult } from './server.js';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '7' },
    port: { type: 'string', default: '7688' },
    keep: { type: 'boolean', default: false },
    name: { type: 'string' },
    'detect-only': { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    rerun: { type: 'boolean', default: false },
    'compare-engines': { type: 'boolean', default: false },
    ingest: { type: 'string', default: 'both' },
  },
});
const accounts = Number(values.accounts);
const root = path.resolve(import.meta.dirname, '..');
const name = values.name ?? `scale-${accounts}`;
const dataDir = path.join(root, '.data', `bench-${name}`);
const genDir = path.join(dataDir, 'generated');
// Page cache sized for the store (about 1 GB per 250k accounts), heap for the transaction state.
const pageCacheMb = Math.max(512, Math.ceil(accounts / 250_000) * 1024);
const env = {
  ...process.env,
  RINGSCOPE_DATA_DIR: dataDir,
  RINGSCOPE_BOLT_PORT: values.port,
  RINGSCOPE_PAGECACHE: `${pageCacheMb}m`,
  RINGSCOPE_HEAP: accounts > 200_000 ? '4g' : '2g',
};
const cli = path.join(root, 'bin', 'ringscope.mjs');
const ingestMode = values.ingest;
if (!['both', 'tx', 'bulk'].includes(ingestMode))
  throw new Error(`--ingest must be both, tx or bulk, got '${ingestMode}'`);
const bulkEnv =
  ingestMode === 'bulk'
    ? env
    : { ...env, RINGSCOPE_DATA_DIR: path.join(dataDir, 'bulk'), RINGSCOPE_BOLT_PORT: String(Number(values.port) + 10) };

function run(label: string, args: string[], runEnv: NodeJS.ProcessEnv = env): Record<string, unknown> {
  const started = Date.now();
  process.stderr.write(`[${new Date().toISOString()}] ${label}…\n`);
  const out = execFileSync(process.execPath, [cli, ...args], {
    env: runEnv,
    cwd: genDir,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const wall = (Date.now() - started) / 1000;
  const json = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  process.stderr.write(`  ${label}: ${wall.toFixed(1)} s\n`);
  return { ...json, wallSeconds: wall };
}

const out = path.join(root, 'bench', 'results', `${name}.json`);
if (!values['detect-only']) {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(genDir, { recursive: true });
}
type IngestJson = {
  files: { file: string; rowsRead: number; seconds: number }[];
  seconds: number;
  nodesCreated: number;
  relationshipsCreated: number;
  bulk?: Record<string, number>;
};
const ingestTotals = (ingest: IngestJson & { wallSeconds?: unknown }) => {
  const rows = ingest.files.reduce((s, f) => s + f.rowsRead, 0);
  const { files, ...totals } = ingest;
  return {
    ...totals,
    rows,
    rowsPerSecond: Math.round(rows / ingest.seconds),
    perFile: files.map((f) => ({ file: f.file, rows: f.rowsRead, rowsPerSecond: Math.round(f.rowsRead / f.seconds) })),
  };
};

let dbStarted = false;
const startDb = () => {
  execFileSync(process.execPath, [cli, 'db', 'start'], { env, stdio: 'inherit' });
  dbStarted = true;
};
if (values['detect-only'] || ingestMode !== 'bulk') startDb();
try {
  let result: Record<string, unknown>;
  if (values['detect-only']) {
    // Detection again on the data a previous run loaded (after a change to detection).
    result = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>;
  } else {
    const generate = run('generate', [
      'generate',
      '--out',
      genDir,
      '--accounts',
      String(accounts),
      '--seed',
      values.seed,
      '--json',
    ]);
    result = { accounts, seed: Number(values.seed), neo4j: { pageCacheMb, heap: env.RINGSCOPE_HEAP }, generate };
    if (ingestMode !== 'bulk') {
      result.ingest = ingestTotals(run('ingest', ['ingest', ...GENERATED_FILES, '--json']) as IngestJson);
    }
    if (ingestMode !== 'tx') {
      fs.rmSync(path.join(bulkEnv.RINGSCOPE_DATA_DIR!, 'neo4j'), { recursive: true, force: true });
      const bulk = ingestTotals(
        run('ingest --bulk', ['ingest', '--bulk', ...GENERATED_FILES, '--json'], bulkEnv) as IngestJson,
      );
      const tx = result.ingest as ReturnType<typeof ingestTotals> | undefined;
      result.bulk = {
        ...bulk,
        ...(tx
          ? {
              speedupVsTransactional: Number((tx.seconds / bulk.seconds).toFixed(2)),
              sameCounts:
                tx.nodesCreated === bulk.nodesCreated && tx.relationshipsCreated === bulk.relationshipsCreated,
            }
          : {}),
      };
      if (tx && !(result.bulk as { sameCounts: boolean }).sameCounts) {
        throw new Error(`bulk and transactional graphs differ: ${JSON.stringify({ tx, bulk })}`);
      }
      if (ingestMode === 'bulk') startDb();
    }
    result.loadedAt = new Date().toISOString();
  }
  if (values.fresh) {
    if (!values['detect-only']) throw new Error('--fresh goes with --detect-only');
    const open = await openDatabase(loadConfig(env), { applySchema: false });
    try {
      await open.db.write('bench/clear-detection', {}, { timeoutMs: 0 });
    } finally {
      await open.close();
    }
  }
  type DetectJson = {
    rings: { members: string[]; score: number }[];
    seconds: number;
    peakRssMb: number;
    stats?: {
      phases?: Record<string, number>;
      rssMb?: Record<string, number>;
      engine?: string;
      grouping?: string;
      pairs?: string;
    };
  };
  const summary = (d: DetectJson) => ({
    rings: d.rings.length,
    seconds: d.seconds,
    peakRssMb: d.peakRssMb,
    engine: d.stats?.engine,
    grouping: d.stats?.grouping,
    pairs: d.stats?.pairs,
    phases: d.stats?.phases,
    rssMb: d.stats?.rssMb,
  });
  const detect = run('detect', ['detect', '--json']) as DetectJson;
  const evaluation = run('evaluate', ['evaluate', '--truth', 'truth.json', '--json']);
  result.detect = summary(detect);
  // What the first detection ran on: the JVM the transactional ingest warmed, or one just started.
  result.detectAfter = values['detect-only']
    ? 'a database start'
    : ingestMode === 'bulk'
      ? 'the bulk load (database just started)'
      : 'the transactional ingest';
  delete result.detectRerun;
  delete result.detectCypher;
  delete result.detectGds;
  delete result.detectGraphPairs;
  if (values['compare-engines']) {
    result.detectCypher = summary(
      run('detect, Cypher table', ['detect', '--engine', 'cypher', '--json']) as DetectJson,
    );
    const ringSet = (d: DetectJson) => new Set(d.rings.map((r) => `${r.score}|${[...r.members].sort().join(',')}`));
    const first = ringSet(detect);
    // A GDS failure (memory at a scale not tried before, say) is recorded, not fatal to the run.
    try {
      const gds = run('detect, GDS grouping', ['detect', '--engine', 'gds', '--json']) as DetectJson;
      const viaGds = ringSet(gds);
      result.detectGds = {
        ...summary(gds),
        ringsOnlyInProcess: [...first].filter((r) => !viaGds.has(r)).length,
        ringsOnlyGds: [...viaGds].filter((r) => !first.has(r)).length,
      };
    } catch (e) {
      result.detectGds = { error: String((e as { stderr?: string }).stderr ?? e).slice(-2000) };
    }
    const graphPairs = run('detect, pairs from the identifier graph', [
      'detect',
      '--pairs',
      'graph',
      '--json',
    ]) as DetectJson;
    const viaGraph = ringSet(graphPairs);
    result.detectGraphPairs = {
      ...summary(graphPairs),
      ringsOnlyFirst: [...first].filter((r) => !viaGraph.has(r)).length,
      ringsOnlyGraphPairs: [...viaGraph].filter((r) => !first.has(r)).length,
    };
  }
  if (values.rerun) result.detectRerun = summary(run('detect again', ['detect', '--json']) as DetectJson);
  result.evaluation = evaluation;
  result.detectedAt = new Date().toISOString();
  delete result.date;
  delete result.machine;
  writeResult(name, result);
} finally {
  if (dbStarted && !values.keep) execFileSync(process.execPath, [cli, 'db', 'stop'], { env, stdio: 'inherit' });
}
