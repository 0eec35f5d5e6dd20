// The chain layout as pure functions: which column a node belongs to, and positions with the
// columns left to right: tools and upstream resources → phones/IPs/devices → accounts → APIs,
// cards, addresses. The tiers are the server's (model/tiers.ts, a pure file bundled at build
// time), the same the API's `ring.chain` is built from.
import { TIERS, tierIndex, tierOf } from '../../../server/src/model/tiers.js';

/** Column of the chain layout, 0 (upstream) to TIERS.length - 1. */
export function chainColumn(type: string, tags: readonly string[]): number {
  return tierIndex(tierOf(type, tags));
}

/** Positions for the chain layout: columns by tier, nodes spread evenly in each column. */
export function chainPositions(
  nodes: { id: string; type: string; tags: string[] }[],
  width: number,
  height: number,
): Record<string, { x: number; y: number }> {
  const columns: string[][] = TIERS.map(() => []);
  for (const n of [...nodes].sort((a, b) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id)))
    columns[chainColumn(n.type, n.tags)]!.push(n.id);
  const pos: Record<string, { x: number; y: number }> = {};
  columns.forEach((ids, c) => {
    const x = ((c + 0.5) * width) / columns.length;
    const step = Math.max(28, height / Math.max(1, ids.length));
    ids.forEach((id, i) => (pos[id] = { x, y: 20 + i * step }));
  });
  return pos;
}
