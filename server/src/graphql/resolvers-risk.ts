// Resolvers for account risk: accounts ranked by risk (riskiest first) and one account's risk with
// its reasons and strongest ring.
import type { Database } from '../db/database.js';
import { accountRisk, riskiestAccounts } from '../explore/riskiest-accounts.js';
import { cursorArg, idArg, intArg, pageOf, scoreArg } from './arguments.js';
import { requireRole } from './auth.js';
import type { Context } from './context.js';

interface AccountsArgs {
  orderBy: 'RISK';
  minRisk: number;
  first: number;
  after?: string | null;
}

export function buildRiskResolvers(db: Database) {
  return {
    Query: {
      accounts: async (_: unknown, a: AccountsArgs, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        const first = intArg('first', a.first, 1, 200);
        const minRisk = scoreArg('minRisk', a.minRisk);
        const skip = cursorArg(a.after);
        const { accounts, total } = await riskiestAccounts(db, { minRisk, first, skip });
        return pageOf(accounts, skip, total);
      },
      account: async (_: unknown, a: { id: string }, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        return (await accountRisk(db, idArg('id', a.id, 'Account').key)) ?? null;
      },
    },
    Account: {
      riskReasons: (a: { reasons: unknown }) => a.reasons,
    },
  };
}
