// `ringscope generate --out DIR --accounts N --seed S`: synthetic logs with planted rings and truth.json.
import type { Command } from 'commander';
import { peakRssMb, positiveInt } from './options.js';
import { parseScore } from '../model/thresholds.js';

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('write synthetic logs of every kind with planted fraud rings and truth.json')
    .requiredOption('--out <dir>', 'output directory')
    .option('--accounts <n>', 'number of accounts', '5000')
    .option('--seed <n>', 'random seed (same seed, same data)', '1')
    .option('--p2p-share <x>', 'share of ordinary customers who also pay friends by wallet transfer', '0.1')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { out: string; accounts: string; seed: string; p2pShare: string; json?: boolean }) => {
      const { generate } = await import('../generate/generate.js');
      const started = Date.now();
      const result = await generate({
        outDir: opts.out,
        accounts: positiveInt('--accounts', opts.accounts, 10_000_000),
        seed: positiveInt('--seed', opts.seed, 2 ** 31),
        p2pShare: parseScore('--p2p-share', opts.p2pShare), // a share from 0 to 1, checked as a score is
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
}
