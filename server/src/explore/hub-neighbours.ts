// A hub's neighbours as a searchable, paged list: what the web app's "+N more" node opens when a
// hub (a carrier IP, an API every shopper calls) has more links than an expand shows.
import type { Database } from '../db/database.js';
import { isPlainNode, type PlainNode } from '../db/plain.js';
import type { EntityId } from '../model/ids.js';
import { ENTITY_LABELS, type EntityLabel } from '../model/labels.js';
import { toGraphNode, type GraphNode } from './graph-model.js';

export interface Neighbour {
  node: GraphNode;
  /** The relationship type between the hub and it. */
  relationship: string;
  /** Events on that link. */
  count: number;
}

export async function hubNeighbours(
  db: Database,
  id: EntityId,
  opts: { text: string | null; types: EntityLabel[] | null; first: number; skip: number },
): Promise<{ rows: Neighbour[]; total: number }> {
  const rows = await db.read('explore/hub-neighbours', {
    id,
    labels: opts.types ?? ENTITY_LABELS.filter((l) => l !== 'Ring'),
    text: opts.text ? opts.text.toLowerCase() : null,
    first: opts.first,
    skip: opts.skip,
  });
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows
      .filter((r) => isPlainNode(r.node))
      .map((r) => ({
        node: toGraphNode(r.node as PlainNode),
        relationship: String(r.rel),
        count: Number(r.count),
      })),
  };
}
