// Neighbourhood expansion, hop by hop, and shortest paths. Supernodes (a CGNAT IP with thousands
// of accounts) are capped per node and reported, never returned whole.
import type { Database } from '../db/database.js';
import { isPlainNode, isPlainPath, isPlainRel } from '../db/plain.js';
import { formatId, type EntityId } from '../model/ids.js';
import { ENTITY_LABELS } from '../model/labels.js';
import { entityIdOf, GraphBuilder, nodeId, type GraphData } from './graph-model.js';

export interface ExpandArgs {
  ids: EntityId[];
  depth: number;
  types: string[] | null;
  since: string | null;
  until: string | null;
  limit: number;
  /** Paging through a hub: skip this many of each start node's links (first hop only). */
  offset?: number;
}

export interface ExpandResult extends GraphData {
  /** Nodes whose neighbourhood was cut at the per-node cap: id → full degree. */
  capped: { id: string; degree: number }[];
}

export const PER_NODE_CAP = 100;
/** Above this degree a node's links are not ranked by count before the cap (see neighbours.cypher). */
export const SORT_BELOW_DEGREE = 2000;

export async function expand(db: Database, args: ExpandArgs): Promise<ExpandResult> {
  const builder = new GraphBuilder(args.limit);
  const labels = args.types?.length ? args.types : ENTITY_LABELS.filter((l) => l !== 'Ring');
  const capped = new Map<string, number>();
  let frontier = args.ids;
  const seen = new Set(args.ids.map(formatId));
  for (let hop = 0; hop < args.depth && frontier.length && !builder.truncated; hop++) {
    const rows = await db.read('explore/neighbours', {
      ids: frontier,
      labels,
      since: args.since,
      until: args.until,
      perNode: PER_NODE_CAP,
      offset: hop === 0 ? (args.offset ?? 0) : 0,
      sortBelow: SORT_BELOW_DEGREE,
    });
    const next: EntityId[] = [];
    for (const row of rows) {
      if (!isPlainNode(row.n) || !isPlainNode(row.m) || !isPlainRel(row.r)) continue;
      builder.addNode(row.n);
      const degree = Number(row.degree);
      if (degree > PER_NODE_CAP + (hop === 0 ? (args.offset ?? 0) : 0)) capped.set(nodeId(row.n), degree);
      if (!builder.addNode(row.m)) break;
      builder.addRel(row.r);
      const m = entityIdOf(row.m);
      if (m && !seen.has(formatId(m))) {
        seen.add(formatId(m));
        next.push(m);
      }
    }
    // The start nodes are always in the picture, even with no neighbours in the window.
    if (hop === 0 && builder.size === 0) {
      const rows0 = await db.read('explore/entities', { ids: frontier });
      for (const r of rows0) if (isPlainNode(r.n)) builder.addNode(r.n);
    }
    frontier = next;
  }
  const graph = builder.build();
  return {
    ...graph,
    truncated: graph.truncated || capped.size > 0,
    capped: [...capped].map(([id, degree]) => ({ id, degree })),
  };
}

export async function paths(
  db: Database,
  from: EntityId,
  to: EntityId,
  maxHops: number,
  limit: number,
  maxNodes: number,
): Promise<GraphData> {
  const rows = await db.read('explore/paths', { from, to, maxHops, limit });
  const builder = new GraphBuilder(maxNodes);
  for (const row of rows) {
    if (!isPlainPath(row.p)) continue;
    for (const n of row.p.nodes) builder.addNode(n);
    for (const r of row.p.relationships) builder.addRel(r);
  }
  return builder.build();
}
