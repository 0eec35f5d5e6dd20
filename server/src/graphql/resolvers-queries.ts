// Resolvers for the saved-query catalogue: list it, run one by name with typed parameters.
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { SavedQuery } from '../queries/catalog.js';
import { runSavedQuery } from '../queries/run.js';
import { requireRole } from './auth.js';
import { badInput, notFound } from './errors.js';
import type { Context } from './context.js';

export function buildSavedQueryResolvers(config: Config, db: Database, savedQueries: Map<string, SavedQuery>) {
  return {
    Query: {
      savedQueries: (_: unknown, __: unknown, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        return [...savedQueries.values()].map((q) => ({
          name: q.name,
          description: q.description,
          mode: q.mode,
          params: q.params,
        }));
      },
      runSavedQuery: async (_: unknown, a: { name: string; params?: unknown }, ctx: Context) => {
        requireRole(ctx.caller, 'analyst');
        const q = savedQueries.get(a.name);
        if (!q) throw notFound(`saved query '${a.name.slice(0, 60)}'`);
        if (q.mode === 'write') requireRole(ctx.caller, 'admin');
        const params = a.params ?? {};
        if (typeof params !== 'object' || params === null || Array.isArray(params))
          throw badInput('params must be an object of parameter values');
        return runSavedQuery(db, q, params as Record<string, unknown>, {
          maxRows: config.limits.maxRows,
          maxNodes: config.limits.maxNodes,
          timeoutMs: config.limits.queryTimeoutMs,
        });
      },
    },
  };
}
