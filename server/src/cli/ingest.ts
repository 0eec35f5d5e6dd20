// `ringscope ingest FILE...`: load log files (CSV, TSV, JSONL, optionally .gz) into the graph.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connect.js';
import { KINDS, type Kind } from '../ingest/fields.js';
import { readMappingFile } from '../ingest/mapping-file.js';
import { bulkIngest } from '../ingest/bulk/bulk.js';
import { ingestFiles, type IngestSummary } from '../ingest/ingest.js';
import { peakRssMb } from './options.js';

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
        (f.rejectsFile ? `\n  rejects: ${f.rejectsFile}` : ''),
    );
  }
  console.log(
    `total: ${summary.nodesCreated} nodes and ${summary.relationshipsCreated} relationships created in ${summary.seconds.toFixed(1)} s, peak RSS ${peakRssMb()} MB`,
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
    .option('--batch-size <n>', 'rows per write transaction', '2000')
    .option('--bulk', "first load of an empty embedded database through Neo4j's offline importer (much faster)")
    .option('--json', 'print the summary as JSON')
    .action(
      async (
        files: string[],
        opts: { kind?: Kind; mapping?: string; rejectsDir?: string; batchSize: string; bulk?: boolean; json?: boolean },
      ) => {
        const c = loadConfig();
        const mapping = opts.mapping ? readMappingFile(opts.mapping) : undefined;
        const batchSize = Number(opts.batchSize);
        if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
          throw new Error(`--batch-size must be a whole number from 1 to 100000, got '${opts.batchSize}'`);
        }
        const rejectsDir = opts.rejectsDir ?? path.join(path.dirname(c.embedded.home), 'rejects');
        if (opts.bulk) {
          const summary = await bulkIngest(c, files, {
            kind: opts.kind,
            mapping,
            rejectsDir,
            quiet: opts.json === true,
          });
          if (opts.json) console.log(JSON.stringify({ ...summary, peakRssMb: peakRssMb() }));
          else printIngest(summary);
          return;
        }
        const open = await openDatabase(c);
        try {
          const summary = await ingestFiles(open.db, files, {
            kind: opts.kind,
            mapping,
            rejectsDir,
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
}
