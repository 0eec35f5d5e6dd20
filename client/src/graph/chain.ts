// The chain layout as pure functions. Every kind of node has its own column, always in the same
// order (so an IP is in the IP column in every ring), grouped under the tiers of the black-industry
// chain left to right: tools and upstream resources → phones/IPs/devices/emails → accounts → APIs,
// cards, addresses. A long column wraps into several sub-columns instead of stacking labels.
import { TIERS } from '../../../server/src/model/tiers.js';

/** Column order: the types of each tier, tier by tier. */
export const CHAIN_COLUMNS: readonly string[] = TIERS.flatMap((t) => [...t.types]);

/** Tier (index into TIERS) of a node type; unknown types go with the identifiers. */
export function tierOf(type: string): number {
  const i = TIERS.findIndex((t) => (t.types as readonly string[]).includes(type));
  return i < 0 ? 1 : i;
}

export const COLUMN_WIDTH = 150;
export const ROW_HEIGHT = 46;
/** Space between tiers, on top of the columns. */
const TIER_GAP = 60;

export interface ChainHeading {
  tier: string;
  title: string;
  /** Model coordinates: the tier spans x0..x1, its heading sits above y. */
  x0: number;
  x1: number;
  y: number;
}

export interface ChainLayout {
  positions: Record<string, { x: number; y: number }>;
  headings: ChainHeading[];
  /** Where the next node of a type goes (bottom of its column), for incremental placement. */
  columns: Record<string, { x: number; rows: number }>;
}

/**
 * Positions for the chain layout. Columns hold at most `rows` nodes each (from the canvas height);
 * a type with more wraps into several sub-columns side by side. Within a column nodes are sorted
 * by risk (riskiest at the top), then by id, so the picture is the same every time.
 * `titles` overrides the tier titles (the API returns them with a ring).
 */
export function chainLayout(
  nodes: { id: string; type: string; risk?: number }[],
  height: number,
  titles: Record<string, string> = {},
): ChainLayout {
  const rows = Math.max(6, Math.floor(height / ROW_HEIGHT));
  const byType = new Map<string, typeof nodes>();
  for (const n of nodes) {
    const key = CHAIN_COLUMNS.includes(n.type) ? n.type : 'Device';
    byType.set(key, [...(byType.get(key) ?? []), n]);
  }
  const positions: ChainLayout['positions'] = {};
  const headings: ChainHeading[] = [];
  const columns: ChainLayout['columns'] = {};
  let x = 0;
  TIERS.forEach((tier) => {
    const x0 = x;
    for (const type of tier.types) {
      const list = (byType.get(type) ?? []).sort((a, b) => (b.risk ?? 0) - (a.risk ?? 0) || a.id.localeCompare(b.id));
      if (!list.length) continue;
      const subColumns = Math.ceil(list.length / rows);
      list.forEach((n, i) => {
        const col = Math.floor(i / rows);
        positions[n.id] = { x: x + (col + 0.5) * COLUMN_WIDTH, y: (i % rows) * ROW_HEIGHT };
      });
      columns[type] = { x: x + (subColumns - 0.5) * COLUMN_WIDTH, rows: list.length % rows || rows };
      x += subColumns * COLUMN_WIDTH;
    }
    // An empty tier keeps one column of room, so the tiers keep their places and headings.
    if (x === x0) x += COLUMN_WIDTH;
    headings.push({ tier: tier.tier, title: titles[tier.tier] ?? tier.title, x0, x1: x, y: -ROW_HEIGHT });
    x += TIER_GAP;
  });
  return { positions, headings, columns };
}
