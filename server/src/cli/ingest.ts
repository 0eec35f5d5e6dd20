// `ringscope ingest FILE...`: load log files (CSV, TSV, JSONL, optionally .gz) into the graph.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connect.js';
import { KINDS, type Kind } from '../ingest/fields.js';
import { readMappingFile } from '../ingest/mapping-file.js';
import type { IngestSummary } from '../ingest/ingest.js';
import { planRun } from '../ingest/plan-run.js';
import { planJson, planText } from '../ingest/plan-text.js';
import { peakRssMb } from './options.js';

function ignoredLine(columns: IngestSummary['files'][number]['columns']): string {
  const ignored = columns.filter((c) => c.role === 'ignored').map((c) => c.column);
  return ignored.length ? `\n  ignored columns (see the plan): ${ignored.join(', ')}` : '';
}

/** The summary as JSON: each file with its plan columns, the plan's problems, no internal mapping. */
function summaryJson(summary: IngestSummary) {
  const { plan, ...rest } = summary;
  return { ...rest, problems: plan ? [...plan.unreadable, ...plan.problems] : [] };
}

function printIngest(summary: IngestSummary): void {
  for (const f of summary.files) {
    if (f.error) {
      console.log(`${f.file}: FAILED: ${f.error}`);
      continue;
    }
    const rate = f.seconds > 0 ? Math.round((f.rowsRead - f.resumedFrom) / f.seconds) : 0;
    console.log(
      `${f.file}: ${f.kind}, ${f.rowsRead} rows read, ${f.accepted} accepted, ${f.rejected} rejected, ${f.skipped} skipped` +
        (f.resumedFrom ? ` (resumed after row ${f.resumedFrom})` : '') +
        `, ${rate} rows/s` +
        Object.entries(f.skipReasons)
          .map(([reason, n]) => `\n  skipped ${n}: ${reason}`)
          .join('') +
        (f.rejectsFile ? `\n  rejects: ${f.rejectsFile}` : '') +
        ignoredLine(f.columns),
    );
  }
  const writer =
    summary.writer === 'procedure'
      ? ', batches written by ringscope.writeBatch'
      : summary.writer === 'cypher'
        ? ', batches written by Cypher statements'
        : '';
  console.log(
    `total: ${summary.nodesCreated} nodes and ${summary.relationshipsCreated} relationships created in ${summary.seconds.toFixed(1)} s${writer}, peak RSS ${peakRssMb()} MB`,
  );
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('load log files (CSV, TSV, JSONL, optionally .gz) into the graph')
    .argument('<files...>', 'files to ingest, in order')
    .addOption(new Option('--kind <kind>', 'log kind (detected from the header when omitted)').choices([...KINDS]))
    .option(
      '--mapping <file>',
      'JSON mapping file: { kind, columns: { field: column }, accountProps, nodeProps, required }, or { files: { glob: mapping } } for a data set',
    )
    .option('--rejects-dir <dir>', 'where rejects files go (default: <data dir>/rejects)')
    .option(
      '--source <name>',
      "the data source the rows are recorded under (default: each file's name without extensions)",
    )
    .option('--batch-size <n>', 'rows per write transaction', '2000')
    .addOption(
      new Option(
        '--writer <writer>',
        "how batches are written: by ringscope's procedure where the database has it (auto), only by it (procedure), or by Cypher statements (cypher)",
      )
        .choices(['auto', 'procedure', 'cypher'])
        .default('auto'),
    )
    .option('--bulk', "first load of an empty embedded database through Neo4j's offline importer (much faster)")
    .option(
      '--plan',
      'dry run: print what each file and column would be loaded as (kind, role, evidence, confidence), load nothing',
    )
    .option('--json', 'print the summary (or the plan) as JSON')
    .action(
      async (
        files: string[],
        opts: {
          kind?: Kind;
          mapping?: string;
          rejectsDir?: string;
          source?: string;
          batchSize: string;
          writer: 'auto' | 'procedure' | 'cypher';
          bulk?: boolean;
          plan?: boolean;
          json?: boolean;
        },
      ) => {
        const mapping = opts.mapping ? readMappingFile(opts.mapping) : undefined;
        if (opts.plan) {
          // A dry run needs no database.
          const plan = await planRun(files, { kind: opts.kind, mapping });
          if (opts.json) console.log(JSON.stringify({ ...planJson(plan), unreadable: plan.unreadable }));
          else {
            console.log(planText(plan));
            for (const u of plan.unreadable) console.log(`CANNOT READ: ${u.message}`);
          }
          if (plan.problems.length || plan.unreadable.length) process.exitCode = 1;
          return;
        }
        const c = loadConfig();
        const batchSize = Number(opts.batchSize);
        if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
          throw new Error(`--batch-size must be a whole number from 1 to 100000, got '${opts.batchSize}'`);
        }
        const rejectsDir = opts.rejectsDir ?? path.join(path.dirname(c.embedded.home), 'rejects');
        if (opts.bulk) {
          const { bulkIngest } = await import('../ingest/bulk/bulk.js');
          const summary = await bulkIngest(c, files, {
            kind: opts.kind,
            mapping,
            source: opts.source,
            rejectsDir,
            quiet: opts.json === true,
          });
          if (opts.json) console.log(JSON.stringify({ ...summary, peakRssMb: peakRssMb() }));
          else printIngest(summary);
          return;
        }
        const { ingestFiles } = await import('../ingest/ingest.js');
        const open = await openDatabase(c);
        try {
          const summary = await ingestFiles(open.db, files, {
            kind: opts.kind,
            mapping,
            source: opts.source,
            rejectsDir,
            batchSize,
            writer: opts.writer,
            quiet: opts.json === true,
            // Every ingest starts with its plan, printed before the first row is written.
            onPlan: opts.json ? undefined : (plan) => console.log(planText(plan)),
          });
          if (opts.json) console.log(JSON.stringify({ ...summaryJson(summary), peakRssMb: peakRssMb() }));
          else printIngest(summary);
          if (summary.files.some((f) => f.error)) process.exitCode = 1;
        } finally {
          await open.close();
        }
      },
    );
}
