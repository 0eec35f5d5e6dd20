// Resolvers for exploring the graph: entity, search, expand, paths, trace, and flagging. Ids are
// parsed here, once, and the services get EntityId values.
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { flagEntity, getEntities, search } from '../explore/entities.js';
import { expand, paths } from '../explore/expand.js';
import { hubNeighbours } from '../explore/hub-neighbours.js';
import { trace } from '../explore/trace.js';
import { cursorArg, idArg, intArg, pageOf, timeArg, typesArg } from './arguments.js';
import { requireRole } from './auth.js';
import { badInput, notFound } from './errors.js';
import type { Context } from './context.js';

interface ExpandArgs {
  ids: string[];
  depth: number;
  types?: string[] | null;
  since?: string | null;
  until?: string | null;
  limit: number;
  offset: number;
}

export function buildExploreResolvers(config: Config, db: Database) {
  const maxNodes = config.limits.maxNodes;
  return {
    Query: {
      entity: async (_: unknown, a: { id: string }, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        return (await getEntities(db, [idArg('id', a.id)]))[0] ?? null;
      },
      search: async (_: unknown, a: { text: string; types?: string[] | null; first: number }, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        if (a.text.trim().length === 0 || a.text.length > 300) throw badInput('text must have 1 to 300 characters');
        return search(db, a.text, typesArg(a.types), intArg('first', a.first, 1, 100));
      },
      expand: async (_: unknown, a: ExpandArgs, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        if (a.ids.length === 0 || a.ids.length > 200) throw badInput('ids must list 1 to 200 entities');
        return expand(db, {
          ids: a.ids.map((id) => idArg('ids', id)),
          depth: intArg('depth', a.depth, 1, 3),
          types: typesArg(a.types),
          since: timeArg('since', a.since),
          until: timeArg('until', a.until),
          limit: intArg('limit', a.limit, 1, maxNodes),
          offset: intArg('offset', a.offset, 0, 1_000_000),
        });
      },
      neighbours: async (
        _: unknown,
        a: { id: string; text?: string | null; types?: string[] | null; first: number; after?: string | null },
        ctx: Context,
      ) => {
        requireRole(ctx.caller, 'viewer');
        const skip = cursorArg(a.after);
        const text = a.text?.trim() ? a.text.trim().slice(0, 200) : null;
        const { rows, total } = await hubNeighbours(db, idArg('id', a.id), {
          text,
          types: typesArg(a.types),
          first: intArg('first', a.first, 1, 200),
          skip,
        });
        return pageOf(rows, skip, total);
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
        const id = idArg('id', a.id, 'Account');
        if (id.label !== 'Account') throw badInput('id: trace starts from an account (Account:<key>)');
        return (await trace(db, id, maxNodes)) ?? null;
      },
    },
    Mutation: {
      flagEntity: async (_: unknown, a: { id: string; tag: string; note?: string | null }, ctx: Context) => {
        requireRole(ctx.caller, 'investigator');
        const id = idArg('id', a.id);
        const tag = a.tag.trim().toLowerCase();
        if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(tag))
          throw badInput('tag must be 1-40 lower-case letters, digits, - or _');
        if (a.note && a.note.length > 2000) throw badInput('note must have at most 2000 characters');
        const e = await flagEntity(db, id, tag, a.note ?? null, ctx.caller.name);
        if (!e) throw notFound(`entity '${a.id.slice(0, 80)}'`);
        return e;
      },
    },
  };
}
