// Entity lookups, search over any identifier (normalised exactly as ingest does), and flags.
import type { Database } from '../db/database.js';
import { isPlainNode, type Plain, type PlainNode } from '../db/plain.js';
import { parseId, type EntityId } from '../model/ids.js';
import { isEntityLabel, type EntityLabel } from '../model/labels.js';
import { normaliseKey } from '../model/normalise/by-label.js';
import { fulltextQuery } from './search-words.js';
import { toGraphNode, type GraphNode } from './graph-model.js';

export interface EntityView extends GraphNode {
  degree: number;
  rings: { id: string; score: number; size: number }[];
  flags: { tag: string; note: string | null; by: string; at: string }[];
}

function toEntity(row: Record<string, Plain>): EntityView | undefined {
  const n = row.n;
  if (!isPlainNode(n)) return undefined;
  const g = toGraphNode(n);
  const flags = Array.isArray(n.properties.flags)
    ? (n.properties.flags as string[]).map((f) => JSON.parse(f) as EntityView['flags'][number])
    : [];
  return {
    ...g,
    degree: Number(row.degree ?? 0),
    rings: (row.rings as EntityView['rings'] | undefined) ?? [],
    flags,
  };
}

export async function getEntities(db: Database, ids: EntityId[]): Promise<EntityView[]> {
  const rows = await db.read('explore/entities', { ids });
  return rows.map(toEntity).filter((e): e is EntityView => e !== undefined);
}

/** Every reading of the text as an identifier: "203.0.113.7" is an IP, "+86 138…" a phone, … */
export function searchCandidates(text: string): EntityId[] {
  const t = text.trim();
  const out: EntityId[] = [];
  const add = (label: EntityLabel, key: string | undefined) => {
    if (key && !out.some((c) => c.label === label && c.key === key)) out.push({ label, key });
  };
  const colon = t.indexOf(':');
  if (colon > 0 && isEntityLabel(t.slice(0, colon))) {
    try {
      const id = parseId(t);
      add(id.label, id.key);
    } catch {
      // not an id after all: fall through to the readings below
    }
  }
  add('Account', t);
  add('Ring', t);
  for (const label of ['IP', 'Email', 'Phone', 'Device', 'PaymentMethod', 'Tool', 'Api'] as const)
    add(label, normaliseKey(label, t));
  // Any text is some address; only one with digits, letters and a space is worth looking up as one.
  if (/\d/.test(t) && /[a-z]/i.test(t) && t.includes(' ')) add('Address', normaliseKey('Address', t));
  return out;
}

export async function search(db: Database, text: string, types: string[] | null, first: number): Promise<EntityView[]> {
  const t = text.trim();
  const rows = await db.read('explore/search', {
    exact: searchCandidates(t),
    prefix: t,
    lower: t.toLowerCase(),
    words: fulltextQuery(t),
    types,
    first,
  });
  return rows.map(toEntity).filter((e): e is EntityView => e !== undefined);
}

export async function flagEntity(
  db: Database,
  id: EntityId,
  tag: string,
  note: string | null,
  by: string,
): Promise<EntityView | undefined> {
  const audit = JSON.stringify({ tag, note, by, at: new Date().toISOString() });
  const rows = await db.write('explore/flag', { id, tag, audit });
  const n = rows[0]?.n as PlainNode | undefined;
  if (!n) return undefined;
  return (await getEntities(db, [id]))[0];
}
