// Thin resolvers: check the role, validate arguments (naming the one that is wrong), call the
// service, shape the answer.
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { detectRings } from '../detect/detect.js';
import { flagEntity, getEntities, search } from '../explore/entities.js';
import { expand, paths } from '../explore/expand.js';
import { getRing, listRings, type RingSort } from '../explore/rings.js';
import { trace } from '../explore/trace.js';
import type { SavedQuery } from '../queries/catalog.js';
import { runSavedQuery } from '../queries/run.js';
import { readHealth } from '../explore/health.js';
import { parseId } from '../model/ids.js';
import { ENTITY_LABELS } from '../model/labels.js';
import { FLAG_THRESHOLD } from '../model/thresholds.js';
import { requireRole, type Caller } from './auth.js';
import { apiError, badInput, notFound } from './errors.js';
import { JSONScalar } from './json-scalar.js';

export interface Context {
  caller: Caller;
}

function intArg(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badInput(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  return value;
}

function timeArg(name: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Number.isNaN(Date.parse(value)))
    throw badInput(`${name} must be an ISO 8601 date-time, got '${value.slice(0, 40)}'`);
  return new Date(value).toISOString();
}

function typesArg(types: string[] | null | undefined): string[] | null {
  if (!types || types.length === 0) return null;
  for (const t of types) {
    if (!(ENTITY_LABELS as readonly string[]).includes(t))
      throw badInput(`types: '${t.slice(0, 40)}' is not one of ${ENTITY_LABELS.join(', ')}`);
  }
  return types;
}

function idArg(name: string, id: string): string {
  try {
    parseId(id);
    return id;
  } catch (e) {
    throw badInput(`${name}: ${(e as Error).message}`);
  }
}

export function buildResolvers(config: Config, db: Database, savedQueries: Map<string, SavedQuery>) {
  const maxNodes = config.limits.maxNodes;
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
      rings: async (
        _: unknown,
        a: {
          minScore: number;
          minSize: number;
          containing?: string | null;
          sort: RingSort;
          first: number;
          after?: string | null;
        },
        ctx: Context,
      ) => {
        requireRole(ctx.caller, 'viewer');
        const first = intArg('first', a.first, 1, 200);
        if (!(a.minScore >= 0 && a.minScore <= 1)) throw badInput(`minScore must be from 0 to 1, got ${a.minScore}`);
        let skip = 0;
        if (a.after) {
          const decoded = Number(Buffer.from(a.after, 'base64url').toString());
          if (!Number.isInteger(decoded) || decoded < 0) throw badInput('after: not a cursor returned by this API');
          skip = decoded;
        }
        const containing = a.containing
          ? parseId(idArg('containing', a.containing.includes(':') ? a.containing : `Account:${a.containing}`)).key
          : null;
        const { rings, total } = await listRings(db, {
          minScore: a.minScore,
          minSize: a.minSize,
          containing,
          sort: a.sort,
          first,
          skip,
        });
        const end = skip + rings.length;
        return {
          nodes: rings,
          totalCount: total,
          endCursor: rings.length ? Buffer.from(String(end)).toString('base64url') : null,
          hasNextPage: end < total,
        };
      },
      ring: async (_: unknown, a: { id: string }, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        const id = a.id.startsWith('Ring:') ? a.id.slice(5) : a.id;
        return (await getRing(db, id, maxNodes)) ?? null;
      },
      entity: async (_: unknown, a: { id: string }, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        return (await getEntities(db, [idArg('id', a.id)]))[0] ?? null;
      },
      search: async (_: unknown, a: { text: string; types?: string[] | null; first: number }, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        if (a.text.trim().length === 0 || a.text.length > 300) throw badInput('text must have 1 to 300 characters');
        return search(db, a.text, typesArg(a.types), intArg('first', a.first, 1, 100));
      },
      expand: async (
        _: unknown,
        a: {
          ids: string[];
          depth: number;
          types?: string[] | null;
          since?: string | null;
          until?: string | null;
          limit: number;
        },
        ctx: Context,
      ) => {
        requireRole(ctx.caller, 'viewer');
        if (a.ids.length === 0 || a.ids.length > 200) throw badInput('ids must list 1 to 200 entities');
        a.ids.forEach((id) => idArg('ids', id));
        return expand(db, {
          ids: a.ids,
          depth: intArg('depth', a.depth, 1, 3),
          types: typesArg(a.types),
          since: timeArg('since', a.since),
          until: timeArg('until', a.until),
          limit: intArg('limit', a.limit, 1, maxNodes),
        });
      },
      paths: async (_: unknown, a: { from: string; to: string; maxHops: number; limit: number }, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        return paths(
          db,
          idArg('from', a.from),
          idArg('to', a.to),
          intArg('maxHops', a.maxHops, 1, 6),
          intArg('limit', a.limit, 1, 25),
          maxNodes,
        );
      },
      trace: async (_: unknown, a: { id: string }, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        const id = idArg('id', a.id.includes(':') ? a.id : `Account:${a.id}`);
        if (parseId(id).label !== 'Account') throw badInput('id: trace starts from an account (Account:<key>)');
        return (await trace(db, id, maxNodes)) ?? null;
      },
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
          maxNodes,
          timeoutMs: config.limits.queryTimeoutMs,
        });
      },
    },
    Mutation: {
      flagEntity: async (_: unknown, a: { id: string; tag: string; note?: string | null }, ctx: Context) => {
        requireRole(ctx.caller, 'investigator');
        const tag = a.tag.trim().toLowerCase();
        if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(tag))
          throw badInput('tag must be 1-40 lower-case letters, digits, - or _');
        if (a.note && a.note.length > 2000) throw badInput('note must have at most 2000 characters');
        const e = await flagEntity(db, idArg('id', a.id), tag, a.note ?? null, ctx.caller.name);
        if (!e) throw notFound(`entity '${a.id.slice(0, 80)}'`);
        return e;
      },
      runDetection: async (_: unknown, __: unknown, ctx: Context) => {
        requireRole(ctx.caller, 'admin');
        const r = await detectRings(db);
        return {
          rings: r.rings.length,
          flaggedAccounts: r.rings.filter((x) => x.score >= FLAG_THRESHOLD).reduce((s, x) => s + x.size, 0),
          seconds: r.seconds,
        };
      },
    },
    JSON: JSONScalar,
  };
}
