// Resolvers for the impact preview of a block and a ring's choke point. Reads: viewer and above.
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { getRing } from '../explore/rings.js';
import { parseId } from '../model/ids.js';
import { chokePoint } from '../workflow/choke-point.js';
import { BlockError, impactOf, resolveBlock, type Impact } from '../workflow/impact.js';
import { idArg } from './arguments.js';
import { requireRole } from './auth.js';
import type { Context } from './context.js';
import { badInput } from './errors.js';

interface BlockInput {
  ids?: string[] | null;
  ipRanges?: string[] | null;
  bins?: string[] | null;
  phoneBlocks?: string[] | null;
  addresses?: string[] | null;
}

const MAX_ITEMS = 1000;

function impactView(i: Impact) {
  return {
    ...i,
    blocked: i.blocked.map((b) => ({ id: `${b.label}:${b.key}`, type: b.label, key: b.key, tags: b.tags })),
    accountsSample: i.sample.map((s) => ({ ...s, id: `Account:${s.account}` })),
  };
}

export function buildImpactResolvers(config: Config, db: Database) {
  return {
    Query: {
      impactPreview: async (_: unknown, a: { block: BlockInput }, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        const b = a.block;
        const lists = {
          ids: b.ids,
          ipRanges: b.ipRanges,
          bins: b.bins,
          phoneBlocks: b.phoneBlocks,
          addresses: b.addresses,
        };
        for (const [name, list] of Object.entries(lists))
          if ((list?.length ?? 0) > MAX_ITEMS) throw badInput(`block.${name}: at most ${MAX_ITEMS} entries`);
        if (!Object.values(lists).some((l) => l?.length))
          throw badInput('block: name at least one identifier to block');
        try {
          const ids = await resolveBlock(db, {
            ids: (b.ids ?? []).map((id, i) => idArg(`block.ids[${i}]`, id)),
            ipRanges: b.ipRanges ?? [],
            bins: b.bins ?? [],
            phoneBlocks: b.phoneBlocks ?? [],
            addresses: b.addresses ?? [],
          });
          return impactView(await impactOf(db, ids));
        } catch (e) {
          if (e instanceof BlockError) throw badInput(`block.${e.message}`);
          throw e;
        }
      },
    },
    Ring: {
      chokePoint: async (r: { id: string }) => {
        const ring = await getRing(db, r.id, config.limits.maxNodes);
        if (!ring)
          return { resources: [], members: 0, reaching: 0, cut: 0, impact: impactView(await impactOf(db, [])) };
        const c = chokePoint(ring.graph, new Set(ring.members.map((m) => m.id)));
        const impact = await impactOf(
          db,
          c.resources.map((n) => parseId(n.id)),
        );
        return { ...c, impact: impactView(impact) };
      },
    },
  };
}
