// The chain layout as pure functions: which tier (column) a node belongs to, and positions with
// the columns left to right: tools and upstream resources → phones/IPs/devices → accounts → APIs,
// cards, addresses.
import { isRiskyTag } from './elements.js';

/** Tier of the chain layout, left to right. */
export function tierOf(type: string, tags: string[]): number {
  if (type !== 'Account' && tags.some(isRiskyTag)) return 0;
  if (type === 'Tool') return 0;
  if (['Phone', 'IP', 'Device', 'Email'].includes(type)) return 1;
  if (type === 'Account') return 2;
  return 3;
}

/** Positions for the chain layout: columns by tier, nodes spread evenly in each column. */
export function chainPositions(
  nodes: { id: string; type: string; tags: string[] }[],
  width: number,
  height: number,
): Record<string, { x: number; y: number }> {
  const columns: string[][] = [[], [], [], []];
  for (const n of [...nodes].sort((a, b) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id)))
    columns[tierOf(n.type, n.tags)]!.push(n.id);
  const pos: Record<string, { x: number; y: number }> = {};
  columns.forEach((ids, c) => {
    const x = ((c + 0.5) * width) / 4;
    const step = Math.max(28, height / Math.max(1, ids.length));
    ids.forEach((id, i) => (pos[id] = { x, y: 20 + i * step }));
  });
  return pos;
}
