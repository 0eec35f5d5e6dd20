// Cases: an investigation an investigator opens from a ring, an account or a selection. A case
// holds entity ids, notes, saved views (the canvas elements with positions, filters, time window,
// pan and zoom — enough to reopen the exact picture from a link) and an action timeline. The
// entities' flags come from the entities themselves (their audit trail), not a copy.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { getEntities } from '../explore/entities.js';
import type { EntityId } from '../model/ids.js';

export interface CaseNote {
  at: string;
  by: string;
  text: string;
}
export interface CaseEvent {
  at: string;
  by: string;
  action: string;
  detail: string;
}
export interface CaseView {
  id: string;
  name: string;
  at: string;
  by: string;
  view: SavedView;
}

const element = z.object({
  group: z.enum(['nodes', 'edges']),
  data: z.record(z.string(), z.unknown()).refine((d) => typeof d.id === 'string', 'data.id must be a string'),
  position: z.object({ x: z.number(), y: z.number() }).optional(),
  classes: z.string().max(500).optional(),
});

/** What a saved view holds; parsed at the door (GraphQL JSON argument). */
export const SavedViewSchema = z.object({
  elements: z.array(element).max(5000),
  filters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
  timeWindow: z.object({ from: z.number(), to: z.number() }).nullable().default(null),
  pan: z.object({ x: z.number(), y: z.number() }).nullable().default(null),
  zoom: z.number().positive().nullable().default(null),
  ringId: z.string().max(200).nullable().default(null),
});
export type SavedView = z.infer<typeof SavedViewSchema>;

export interface CaseDetail {
  id: string;
  title: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  entities: string[];
  notes: CaseNote[];
  views: CaseView[];
  timeline: CaseEvent[];
}

const parseList = <T>(v: unknown): T[] => (Array.isArray(v) ? v.map((x) => JSON.parse(String(x)) as T) : []);

export async function openCase(
  db: Database,
  args: { title: string; entities: string[]; note: string | null },
  by: string,
): Promise<string> {
  const id = `C-${randomUUID().slice(0, 8)}`;
  const at = new Date().toISOString();
  const event: CaseEvent = { at, by, action: 'opened', detail: `${args.entities.length} entities` };
  await db.write('workflow/case-create', {
    id,
    title: args.title,
    by,
    entities: args.entities,
    notes: args.note ? [JSON.stringify({ at, by, text: args.note } satisfies CaseNote)] : [],
    event: JSON.stringify(event),
  });
  return id;
}

export async function appendToCase(
  db: Database,
  id: string,
  add: { entities?: string[]; note?: string | null; view?: { name: string; view: SavedView } },
  by: string,
): Promise<string | null> {
  const at = new Date().toISOString();
  const events: CaseEvent[] = [];
  const views: CaseView[] = [];
  if (add.entities?.length) events.push({ at, by, action: 'added', detail: add.entities.slice(0, 20).join(', ') });
  if (add.note) events.push({ at, by, action: 'note', detail: add.note.slice(0, 200) });
  if (add.view) {
    views.push({ id: `V-${randomUUID().slice(0, 8)}`, name: add.view.name, at, by, view: add.view.view });
    events.push({
      at,
      by,
      action: 'saved view',
      detail: `${add.view.name} (${add.view.view.elements.length} elements)`,
    });
  }
  const rows = await db.write('workflow/case-append', {
    id,
    entities: add.entities ?? [],
    notes: add.note ? [JSON.stringify({ at, by, text: add.note } satisfies CaseNote)] : [],
    views: views.map((v) => JSON.stringify(v)),
    events: events.map((e) => JSON.stringify(e)),
  });
  if (!rows.length) return null;
  return views[0]?.id ?? '';
}

export async function getCase(db: Database, id: string): Promise<CaseDetail | undefined> {
  const r = (await db.read('workflow/case-get', { id }))[0];
  if (!r) return undefined;
  return {
    id: String(r.id),
    title: String(r.title),
    createdAt: String(r.createdAt),
    createdBy: String(r.createdBy),
    updatedAt: String(r.updatedAt),
    entities: (r.entities as string[]) ?? [],
    notes: parseList<CaseNote>(r.notes),
    views: parseList<CaseView>(r.views),
    timeline: parseList<CaseEvent>(r.timeline),
  };
}

export async function listCases(db: Database) {
  return (await db.read('workflow/case-list')).map((r) => ({
    id: String(r.id),
    title: String(r.title),
    createdAt: String(r.createdAt),
    createdBy: String(r.createdBy),
    updatedAt: String(r.updatedAt),
    entityCount: Number(r.entities),
    viewCount: Number(r.views),
  }));
}

/** The flags investigators put on the case's entities (from each entity's audit trail). */
export async function caseFlags(db: Database, ids: EntityId[]) {
  const entities = await getEntities(db, ids);
  return entities.flatMap((e) => e.flags.map((f) => ({ entityId: e.id, ...f })));
}
