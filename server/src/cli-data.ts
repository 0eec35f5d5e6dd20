// Data commands of the CLI: generate, ingest, detect, query, report.
import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import type { Config } from './config.js';
import { openDatabase } from './db/connect.js';
import { KINDS, readMappingFile, type Kind } from './ingest/columns.js';
import { ingestFiles, type IngestSummary } from './ingest/ingest.js';
import { FLAG_THRESHOLD, KEEP_THRESHOLD, parseScore } from './model/thresholds.js';

function printIngest(summary: IngestSummary): void {
  for (const f of summary.files) {
    if (f.error) {
      console.log(`${f.file}: FAILED: ${f.error}`);
      continue;
    }
    const rate = f.seconds > 0 ? Math.round((f.rowsRead - f.resumedFrom) / f.seconds) : 0;
    console.log(
      `${f.file}: ${f.kind}, ${f.rowsRead} rows read, ${f.accepted} accepted, ${f.rejected} rejected` +
        (f.resumedFrom ? ` (resumed after row ${f.resumedFrom})` : '') +
        `, ${rate} rows/s` +
        (f.rejectsFile ? `\n  rejects: ${f.rejectsFile}` : ''),
    );
  }
  console.log(
    `total: ${summary.nodesCreated} nodes and ${summary.relationshipsCreated} relationships created in ${summary.seconds.toFixed(1)} s, peak RSS ${peakRssMb()} MB`,
  );
}

/** Peak resident memory of this process so far (the CLI runs one command per process). */
function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function positiveInt(name: string, text: string, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new Error(`${name} must be a whole number from 0 to ${max}, got '${text}'`);
  return n;
}

export function registerDataCommands(program: Command, config: () => Config): void {
  program
    .command('generate')
    .description('write synthetic logs of every kind with planted fraud rings and truth.json')
    .requiredOption('--out <dir>', 'output directory')
    .option('--accounts <n>', 'number of accounts', '5000')
    .option('--seed <n>', 'random seed (same seed, same data)', '1')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { out: string; accounts: string; seed: string; json?: boolean }) => {
      const { generate } = await import('./generate/generate.js');
      const started = Date.now();
      const result = await generate({
        outDir: opts.out,
        accounts: positiveInt('--accounts', opts.accounts, 10_000_000),
        seed: positiveInt('--seed', opts.seed, 2 ** 31),
      });
      const seconds = (Date.now() - started) / 1000;
      if (opts.json) console.log(JSON.stringify({ ...result, seconds, peakRssMb: peakRssMb() }));
      else {
        console.log(
          `${result.accounts} accounts, ${result.rings} planted rings (${result.ringMembers} members) in ${opts.out} (${seconds.toFixed(1)} s, peak RSS ${peakRssMb()} MB)`,
        );
        for (const [f, n] of Object.entries(result.files)) console.log(`  ${f}: ${n} rows`);
      }
    });

  program
    .command('detect')
    .description('detect and score fraud rings; replaces the previous result')
    .option('--max-share <n>', 'identifiers shared by more accounts are crowds, not links', '50')
    .option('--min-score <x>', 'rings scoring below this are not kept', String(KEEP_THRESHOLD))
    .option('--split-above <n>', 'groups of more accounts are split into communities (Louvain)', '60')
    .option('--json', 'print rings as JSON')
    .action(async (opts: { maxShare: string; minScore: string; splitAbove: string; json?: boolean }) => {
      const { detectRings } = await import('./detect/detect.js');
      const minScore = parseScore('--min-score', opts.minScore);
      const open = await openDatabase(config());
      try {
        const result = await detectRings(open.db, {
          maxShare: positiveInt('--max-share', opts.maxShare, 100_000),
          maxGroup: positiveInt('--split-above', opts.splitAbove, 1_000_000),
          minScore,
        });
        if (opts.json) {
          console.log(JSON.stringify({ rings: result.rings, seconds: result.seconds, peakRssMb: peakRssMb() }));
          return;
        }
        const flagged = result.rings.filter((r) => r.score >= FLAG_THRESHOLD);
        console.log(
          `${result.rings.length} rings (${flagged.length} scoring >= ${FLAG_THRESHOLD}, ${flagged.reduce((s, r) => s + r.size, 0)} accounts) in ${result.seconds.toFixed(1)} s; ` +
            `${result.stats.linkedAccounts} linked accounts, ${result.stats.links} links, peak RSS ${peakRssMb()} MB`,
        );
        for (const r of result.rings.slice(0, 15)) {
          console.log(
            `  ${r.id}  score ${r.score.toFixed(2)}  ${r.size} accounts  ${r.reasons
              .slice(0, 2)
              .map((x) => x.detail)
              .join('; ')}`,
          );
        }
        if (result.rings.length > 15) console.log(`  … ${result.rings.length - 15} more (--json for all)`);
      } finally {
        await open.close();
      }
    });

  program
    .command('evaluate')
    .description('score the stored detection result against truth.json and/or account labels')
    .option('--truth <file>', 'truth.json written by `generate`')
    .option('--labels', 'evaluate against fraud/legit labels stored on accounts')
    .option('--min-score <x>', 'rings at or above this score are flagged', String(FLAG_THRESHOLD))
    .option('--json', 'print the metrics as JSON')
    .action(async (opts: { truth?: string; labels?: boolean; minScore: string; json?: boolean }) => {
      const { evaluate, formatEvaluation } = await import('./detect/evaluate.js');
      if (!opts.truth && !opts.labels) throw new Error('give --truth FILE, --labels, or both');
      const open = await openDatabase(config());
      try {
        const result = await evaluate(open.db, {
          truthFile: opts.truth,
          labels: opts.labels === true,
          minScore: parseScore('--min-score', opts.minScore),
        });
        console.log(opts.json ? JSON.stringify(result) : formatEvaluation(result));
      } finally {
        await open.close();
      }
    });

  program
    .command('ingest')
    .description('load log files (CSV, TSV, JSONL, optionally .gz) into the graph')
    .argument('<files...>', 'files to ingest, in order')
    .addOption(new Option('--kind <kind>', 'log kind (detected from the header when omitted)').choices([...KINDS]))
    .option('--mapping <file>', 'JSON mapping file: { kind, columns: { field: column }, accountProps, required }')
    .option('--rejects-dir <dir>', 'where rejects files go (default: <data dir>/rejects)')
    .option('--batch-size <n>', 'rows per write transaction', '2000')
    .option('--json', 'print the summary as JSON')
    .action(
      async (
        files: string[],
        opts: { kind?: Kind; mapping?: string; rejectsDir?: string; batchSize: string; json?: boolean },
      ) => {
        const c = config();
        const mapping = opts.mapping ? readMappingFile(opts.mapping) : undefined;
        const batchSize = Number(opts.batchSize);
        if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
          throw new Error(`--batch-size must be a whole number from 1 to 100000, got '${opts.batchSize}'`);
        }
        const open = await openDatabase(c);
        try {
          const summary = await ingestFiles(open.db, files, {
            kind: opts.kind,
            mapping,
            rejectsDir: opts.rejectsDir ?? path.join(path.dirname(c.embedded.home), 'rejects'),
            batchSize,
            quiet: opts.json === true,
          });
          if (opts.json) console.log(JSON.stringify({ ...summary, peakRssMb: peakRssMb() }));
          else printIngest(summary);
          if (summary.files.some((f) => f.error)) process.exitCode = 1;
        } finally {
          await open.close();
        }
      },
    );

  program
    .command('query')
    .description('run a saved query from cypher/queries (`query --list` shows them and their parameters)')
    .argument('[name]', 'saved query name, e.g. accounts-sharing-device')
    .option('--param <k=v>', 'parameter value (repeat for each parameter)', collectParam, {})
    .option('--list', 'list the saved queries')
    .option('--json', 'print { columns, rows, truncated, elapsedMs, graph: { nodes, edges } } as JSON')
    .action(
      async (name: string | undefined, opts: { param: Record<string, string>; list?: boolean; json?: boolean }) => {
        const { loadSavedQueries } = await import('./queries/catalog.js');
        const { runSavedQuery } = await import('./queries/run.js');
        const c = config();
        const open = await openDatabase(c);
        try {
          const queries = await loadSavedQueries(open.db);
          if (opts.list || !name) {
            for (const q of queries.values()) {
              const params = q.params.map(
                (p) =>
                  `${p.name}: ${p.type}${p.default === undefined || p.default === null ? ' (required)' : ` = ${String(p.default)}`}`,
              );
              console.log(
                `${q.name} (${q.mode})${params.length ? `  --param ${params.join(', ')}` : ''}\n  ${q.description}`,
              );
            }
            if (!name && !opts.list) process.exitCode = 2;
            return;
          }
          const q = queries.get(name);
          if (!q) throw new Error(`no saved query '${name}' (try: ringscope query --list)`);
          const result = await runSavedQuery(open.db, q, opts.param, {
            maxRows: c.limits.maxRows,
            maxNodes: c.limits.maxNodes,
            timeoutMs: c.limits.queryTimeoutMs,
          });
          if (opts.json) {
            console.log(JSON.stringify(result));
            return;
          }
          console.log(formatTable(result.columns, result.rows));
          console.log(
            `${result.rows.length} row${result.rows.length === 1 ? '' : 's'}${result.truncated ? ' (truncated)' : ''}, ` +
              `${result.graph.nodes.length} nodes and ${result.graph.edges.length} relationships in the graph, ${result.elapsedMs} ms`,
          );
        } finally {
          await open.close();
        }
      },
    );

  program
    .command('report')
    .description('case report in plain words (Markdown): a ring id, or an account id for its trace')
    .argument('<id>', 'ring id (see `detect`) or account id such as Account:u_1a2b')
    .option('--out <file>', 'write the report to a file instead of stdout')
    .option('--json', 'print the underlying ring or trace as JSON')
    .action(async (id: string, opts: { out?: string; json?: boolean }) => {
      const { buildReport, formatRingReport, formatTraceReport } = await import('./report.js');
      const c = config();
      const open = await openDatabase(c);
      try {
        const report = await buildReport(open.db, id, c.limits.maxNodes);
        if (!report) throw new Error(`no ring or account '${id}' in the database`);
        const text = opts.json
          ? JSON.stringify(report.kind === 'ring' ? report.ring : report.trace)
          : report.kind === 'ring'
            ? formatRingReport(report.ring)
            : formatTraceReport(report.trace);
        if (opts.out) {
          fs.writeFileSync(opts.out, text);
          console.log(`report written to ${opts.out}`);
        } else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      } finally {
        await open.close();
      }
    });
}

function collectParam(text: string, acc: Record<string, string>): Record<string, string> {
  const cut = text.indexOf('=');
  if (cut <= 0) throw new Error(`--param must look like name=value, got '${text}'`);
  return { ...acc, [text.slice(0, cut)]: text.slice(cut + 1) };
}

/** A plain text table; long cells are cut so one wide value cannot wreck the layout. */
function formatTable(columns: string[], rows: Record<string, unknown>[]): string {
  const cell = (v: unknown) => {
    const t = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    return t.length > 60 ? `${t.slice(0, 59)}…` : t;
  };
  const body = rows.map((r) => columns.map((c) => cell(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((x, i) => x.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
