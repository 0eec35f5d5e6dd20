// `ringscope risk`: accounts ranked by the risk the last detection run gave them, with reasons.
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connect.js';
import { positiveInt, printJsonLine } from './options.js';

export function registerRisk(program: Command): void {
  program
    .command('risk')
    .description('accounts by risk (from the last `detect`), riskiest first, with reasons')
    .option('--top <n>', 'only the N riskiest accounts (default: every account with risk > 0)')
    .option('--json', 'print { accounts: [{ id, risk, ring, reasons }], seconds } as JSON')
    .action(async (opts: { top?: string; json?: boolean }) => {
      const { riskiestAccounts } = await import('../explore/riskiest-accounts.js');
      const started = Date.now();
      const first = opts.top === undefined ? 1e9 : positiveInt('--top', opts.top, 10_000_000);
      const open = await openDatabase(loadConfig());
      try {
        const { accounts, total } = await riskiestAccounts(open.db, { minRisk: 0, first, skip: 0, timeoutMs: 0 });
        const seconds = (Date.now() - started) / 1000;
        if (opts.json) {
          const out = accounts.map((a) => ({ id: a.key, risk: a.risk, ring: a.ring, reasons: a.reasons }));
          printJsonLine({ accounts: out, seconds });
          return;
        }
        if (!total) {
          console.log('no account has a risk above 0: run `ringscope detect` first');
          return;
        }
        console.log(`${accounts.length} of ${total} accounts with risk > 0 (${seconds.toFixed(1)} s)`);
        for (const a of accounts) {
          const why = a.reasons
            .slice(0, 2)
            .map((r) => r.detail)
            .join('; ');
          console.log(`  ${a.key}  risk ${a.risk.toFixed(2)}${a.ring ? `  ring ${a.ring}` : ''}  ${why}`);
        }
      } finally {
        await open.close();
      }
    });
}
