// Resolvers for what the server is: `stats` (through the health service) and `me`.
import type { Database } from '../db/database.js';
import { readHealth } from '../explore/health.js';
import { requireRole } from './auth.js';
import { apiError } from './errors.js';
import type { Context } from './context.js';

export function buildStatusResolvers(db: Database) {
  return {
    Query: {
      stats: async (_: unknown, __: unknown, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        const h = await readHealth(db);
        if (!h.neo4j.connected) throw apiError('DATABASE_UNAVAILABLE', 'the graph database is not reachable');
        const c = h.neo4j.counts ?? {};
        return {
          nodes: c.nodes ?? 0,
          relationships: c.relationships ?? 0,
          accounts: c.accounts ?? 0,
          rings: c.rings ?? 0,
          neo4jVersion: h.neo4j.version ?? 'unknown',
        };
      },
      me: (_: unknown, __: unknown, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        return { role: ctx.caller.role };
      },
    },
  };
}
