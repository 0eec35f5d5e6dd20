// Resolvers for rings: the paged list, one ring in full, and running detection.
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { detectRings } from '../workflow/detection-run.js';
import { getRing, listRings, type RingSort } from '../explore/rings.js';
import { FLAG_THRESHOLD } from '../model/thresholds.js';
import { cursorArg, idArg, intArg, pageOf, scoreArg } from './arguments.js';
import { requireRole } from './auth.js';
import type { Context } from './context.js';

interface RingsArgs {
  minScore: number;
  minSize: number;
  containing?: string | null;
  sort: RingSort;
  first: number;
  after?: string | null;
}

export function buildRingResolvers(config: Config, db: Database) {
  return {
    Query: {
      rings: async (_: unknown, a: RingsArgs, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        const first = intArg('first', a.first, 1, 200);
        const minScore = scoreArg('minScore', a.minScore);
        const skip = cursorArg(a.after);
        const containing = a.containing ? idArg('containing', a.containing, 'Account').key : null;
        const { rings, total } = await listRings(db, {
          minScore,
          minSize: a.minSize,
          containing,
          sort: a.sort,
          first,
          skip,
        });
        return pageOf(rings, skip, total);
      },
      ring: async (_: unknown, a: { id: string }, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        const id = a.id.startsWith('Ring:') ? a.id.slice(5) : a.id;
        return (await getRing(db, id, config.limits.maxNodes)) ?? null;
      },
    },
    Mutation: {
      runDetection: async (_: unknown, __: unknown, ctx: Context) => {
        requireRole(ctx.caller, 'admin');
        const r = await detectRings(db);
        return {
          rings: r.rings.length,
          flaggedAccounts: r.accounts.filter((x) => x.risk >= FLAG_THRESHOLD).length,
          seconds: r.seconds,
        };
      },
    },
  };
}
