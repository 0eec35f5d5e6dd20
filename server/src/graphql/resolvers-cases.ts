// Resolvers for cases. Viewers read; investigators (and above) open cases and add to them.
import type { Database } from '../db/database.js';
import { formatId } from '../model/ids.js';
import { appendToCase, caseFlags, getCase, listCases, openCase, SavedViewSchema } from '../workflow/cases.js';
import { idArg } from './arguments.js';
import { requireRole } from './auth.js';
import type { Context } from './context.js';
import { badInput, notFound } from './errors.js';

const MAX_VIEW_BYTES = 900_000;

function entitiesArg(ids: string[] | null | undefined): string[] {
  if ((ids?.length ?? 0) > 2000) throw badInput('entities: at most 2000 per call');
  return [...new Set((ids ?? []).map((id, i) => formatId(idArg(`entities[${i}]`, id))))];
}

function textArg(name: string, v: string | null | undefined, max: number): string | null {
  const t = v?.trim() ?? '';
  if (t.length > max) throw badInput(`${name}: at most ${max} characters`);
  return t || null;
}

const caseId = (id: string) => (id.startsWith('Case:') ? id.slice(5) : id);

export function buildCaseResolvers(db: Database) {
  const load = async (id: string) => {
    const c = await getCase(db, id);
    if (!c) throw notFound(`case ${id}`);
    return c;
  };
  return {
    Query: {
      cases: async (_: unknown, __: unknown, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        return listCases(db);
      },
      case: async (_: unknown, a: { id: string }, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        return (await getCase(db, caseId(a.id))) ?? null;
      },
    },
    Mutation: {
      openCase: async (_: unknown, a: { title: string; entities: string[]; note?: string | null }, ctx: Context) => {
        requireRole(ctx.caller, 'investigator');
        const title = textArg('title', a.title, 200);
        if (!title) throw badInput('title: give the case a title');
        const id = await openCase(
          db,
          { title, entities: entitiesArg(a.entities), note: textArg('note', a.note, 4000) },
          ctx.caller.name,
        );
        return load(id);
      },
      addToCase: async (
        _: unknown,
        a: { id: string; entities?: string[] | null; note?: string | null },
        ctx: Context,
      ) => {
        requireRole(ctx.caller, 'investigator');
        const ok = await appendToCase(
          db,
          caseId(a.id),
          { entities: entitiesArg(a.entities), note: textArg('note', a.note, 4000) },
          ctx.caller.name,
        );
        if (ok === null) throw notFound(`case ${a.id}`);
        return load(caseId(a.id));
      },
      saveCaseView: async (_: unknown, a: { id: string; name: string; view: unknown }, ctx: Context) => {
        requireRole(ctx.caller, 'investigator');
        const name = textArg('name', a.name, 200);
        if (!name) throw badInput('name: give the view a name');
        if (JSON.stringify(a.view ?? null).length > MAX_VIEW_BYTES)
          throw badInput(`view: larger than ${MAX_VIEW_BYTES} bytes; hide some elements first`);
        const parsed = SavedViewSchema.safeParse(a.view);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw badInput(`view.${issue.path.join('.')}: ${issue.message}`);
        }
        const viewId = await appendToCase(db, caseId(a.id), { view: { name, view: parsed.data } }, ctx.caller.name);
        if (viewId === null) throw notFound(`case ${a.id}`);
        return (await load(caseId(a.id))).views.find((v) => v.id === viewId);
      },
    },
    Case: {
      flags: async (c: { entities: string[] }) =>
        caseFlags(
          db,
          c.entities.map((e) => idArg('entity', e)),
        ),
    },
  };
}
