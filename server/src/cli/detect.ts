// `ringscope detect`: detect and score fraud rings, replacing the previous result.
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connect.js';
import { FLAG_THRESHOLD, KEEP_THRESHOLD } from '../model/thresholds.js';
import { peakRssMb, positiveInt, printJsonLine, scoreOption } from './options.js';

export function registerDetect(program: Command): void {
  program
    .command('detect')
    .description('detect and score fraud rings; replaces the previous result')
    .option('--max-share <n>', 'identifiers shared by more accounts are crowds, not links', '50')
    .option('--keep-score <x>', 'rings scoring below this (0 to 1) are not kept', String(KEEP_THRESHOLD))
    .option('--split-above <n>', 'groups of more accounts are split into communities (Louvain)', '60')
    .option(
      '--engine <where>',
      "where detection runs: db (features summed by ringscope's procedure in Neo4j), cypher (by Cypher), gds (db, and accounts grouped in Neo4j by Graph Data Science), or auto (db when the database has it; grouped in this process)",
      'auto',
    )
    .option(
      '--pairs <where>',
      "where the linked account pairs are summed when grouping in this process: db (ringscope's procedure in Neo4j), graph (the identifier graph read into this process), or auto (db when the database has it)",
      'auto',
    )
    .option('--json', 'print rings as JSON')
    .action(
      async (opts: {
        maxShare: string;
        keepScore: string;
        splitAbove: string;
        engine: string;
        pairs: string;
        json?: boolean;
      }) => {
        const { detectRings } = await import('../workflow/detection-run.js');
        const keepScore = scoreOption('--keep-score', opts.keepScore);
        const engine = opts.engine;
        if (engine !== 'auto' && engine !== 'db' && engine !== 'cypher' && engine !== 'gds')
          throw new Error(`--engine must be auto, db, cypher or gds, got '${engine}'`);
        const pairs = opts.pairs;
        if (pairs !== 'auto' && pairs !== 'db' && pairs !== 'graph')
          throw new Error(`--pairs must be auto, db or graph, got '${pairs}'`);
        const open = await openDatabase(loadConfig());
        try {
          // Batch work: no API query timeout (a slow machine makes detection slower, not failed).
          const result = await detectRings(open.db.withoutQueryTimeout(), {
            maxShare: positiveInt('--max-share', opts.maxShare, 100_000),
            maxGroup: positiveInt('--split-above', opts.splitAbove, 1_000_000),
            keepScore,
            engine,
            pairs,
          });
          if (opts.json) {
            printJsonLine({
              rings: result.rings,
              accounts: result.accounts,
              riskModel: result.riskModel,
              seconds: result.seconds,
              stats: result.stats,
              peakRssMb: peakRssMb(),
            });
            return;
          }
          const flagged = result.rings.filter((r) => r.score >= FLAG_THRESHOLD);
          console.log(
            `${result.rings.length} rings (${flagged.length} scoring >= ${FLAG_THRESHOLD}, ${flagged.reduce((s, r) => s + r.size, 0)} accounts) in ${result.seconds.toFixed(1)} s; ` +
              `${result.stats.linkedAccounts} linked accounts, ${result.stats.links} links, peak RSS ${peakRssMb()} MB; ` +
              `features summed ${result.stats.engineNote}`,
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
      },
    );
}
