// `ringscope evaluate`: the stored detection result against truth.json and/or account labels.
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connect.js';
import { FLAG_THRESHOLD } from '../model/thresholds.js';
import { scoreOption } from './options.js';

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description('score the stored detection result against truth.json and/or account labels')
    .option('--truth <file>', 'truth.json written by `generate`')
    .option('--labels', 'evaluate against fraud/legit labels stored on accounts')
    .option('--flag-score <x>', 'rings at or above this score (0 to 1) are flagged', String(FLAG_THRESHOLD))
    .option('--json', 'print the metrics as JSON')
    .action(async (opts: { truth?: string; labels?: boolean; flagScore: string; json?: boolean }) => {
      const { evaluate, formatEvaluation } = await import('../detect/evaluate.js');
      if (!opts.truth && !opts.labels) throw new Error('give --truth FILE, --labels, or both');
      const flagScore = scoreOption('--flag-score', opts.flagScore);
      const open = await openDatabase(loadConfig());
      try {
        const result = await evaluate(open.db, { truthFile: opts.truth, labels: opts.labels === true, flagScore });
        console.log(opts.json ? JSON.stringify(result) : formatEvaluation(result));
      } finally {
        await open.close();
      }
    });
}
