// Resolvers for the API asset table and defence blind spots. Viewers read; analysts edit tags.
import type { Database } from '../db/database.js';
import { PROTECTIVE_CONTROLS } from '../model/controls.js';
import { apiAssets, blindSpots, updateApiAsset, type BlindSpot } from '../workflow/blind-spots.js';
import { idArg, intArg } from './arguments.js';
import { requireRole } from './auth.js';
import type { Context } from './context.js';
import { badInput, notFound } from './errors.js';

const spotView = (b: BlindSpot) => ({ ...b, id: `Api:${b.key}`, api: b.key });
const TAG = /^[a-z0-9][a-z0-9-]{0,39}$/;

interface EditArgs {
  id: string;
  controls?: string[] | null;
  sensitivity?: string | null;
  domain?: string | null;
  note?: string | null;
}

export function buildApiResolvers(db: Database) {
  return {
    Query: {
      apiAssets: async (_: unknown, __: unknown, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        return (await apiAssets(db)).map((a) => ({ ...a, id: `Api:${a.key}` }));
      },
      blindSpots: async (_: unknown, a: { ringId?: string | null; first: number }, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        const ring = a.ringId ? (a.ringId.startsWith('Ring:') ? a.ringId.slice(5) : a.ringId) : null;
        return (await blindSpots(db, ring, intArg('first', a.first, 1, 200))).map(spotView);
      },
      protectiveControls: (_: unknown, __: unknown, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        return PROTECTIVE_CONTROLS;
      },
    },
    Mutation: {
      updateApiAsset: async (_: unknown, a: EditArgs, ctx: Context) => {
        requireRole(ctx.caller, 'analyst');
        const id = idArg('id', a.id, 'Api');
        if (id.label !== 'Api') throw badInput(`id: ${a.id} is not an API (Api:METHOD /path)`);
        const controls = a.controls?.map((c) => c.trim().toLowerCase()).filter(Boolean) ?? null;
        for (const [name, list] of [
          ['controls', controls ?? []],
          ['sensitivity', a.sensitivity ? [a.sensitivity] : []],
          ['domain', a.domain ? [a.domain] : []],
        ] as const)
          for (const t of list)
            if (!TAG.test(t))
              throw badInput(`${name}: '${t.slice(0, 40)}' must be lower-case letters, digits and dashes`);
        if (a.note && a.note.length > 4000) throw badInput('note: at most 4000 characters');
        const ok = await updateApiAsset(
          db,
          id.key,
          { controls, sensitivity: a.sensitivity ?? null, domain: a.domain ?? null, note: a.note ?? null },
          ctx.caller.name,
        );
        if (!ok) throw notFound(`API ${id.key}`);
        const view = (await apiAssets(db)).find((x) => x.key === id.key)!;
        return { ...view, id: `Api:${view.key}` };
      },
    },
    Ring: {
      blindSpots: async (r: { id: string }) => (await blindSpots(db, r.id, 20)).map(spotView),
    },
  };
}
