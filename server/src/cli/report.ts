// `ringscope report ID`: a case report in plain words (Markdown) for a ring, or an account's trace.
import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connect.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('case report in plain words (Markdown): a ring id, or an account id for its trace')
    .argument('<id>', 'ring id (see `detect`) or account id such as Account:u_1a2b')
    .option('--out <file>', 'write the report to a file instead of stdout')
    .option('--json', 'print the underlying ring or trace as JSON')
    .action(async (id: string, opts: { out?: string; json?: boolean }) => {
      const { buildReport, formatRingReport, formatTraceReport } = await import('../report.js');
      const c = loadConfig();
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
