// Pure functions: API graph data → Cytoscape element definitions (testable without a browser).
import type { ElementDefinition } from 'cytoscape';
import type { GGraph, GNode } from '../api/graphql.js';
import { TYPE_STYLE } from './style.js';

const BENIGN = ['cgnat', 'carrier', 'corporate', 'public-wifi'];
const RISKY = ['proxy', 'datacenter', 'sms-platform', 'virtual-number', 'fraud-tool', 'emulator'];

export function nodeElement(n: GNode): ElementDefinition {
  const style = TYPE_STYLE[n.type] ?? { color: '#999', shape: 'ellipse' };
  const classes = [
    n.tags.some((t) => RISKY.includes(t)) ? 'intel' : '',
    n.tags.some((t) => BENIGN.includes(t)) ? 'benign' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    group: 'nodes',
    data: {
      id: n.id,
      type: n.type,
      key: n.key,
      label: n.label,
      risk: n.risk ?? 0,
      tags: n.tags,
      props: n.props ?? {},
      color: style.color,
      shape: style.shape,
    },
    classes,
  };
}

export function toElements(g: GGraph): ElementDefinition[] {
  const nodes = g.nodes.map(nodeElement);
  const edges: ElementDefinition[] = g.edges.map((e) => ({
    group: 'edges',
    data: {
      id: e.id,
      source: e.source,
      target: e.target,
      type: e.type,
      count: e.count ?? 1,
      firstSeen: e.firstSeen,
      lastSeen: e.lastSeen,
    },
  }));
  return [...nodes, ...edges];
}

/** Tier of the chain layout, left to right. */
export function tierOf(type: string, tags: string[]): number {
  if (type !== 'Account' && tags.some((t) => RISKY.includes(t))) return 0;
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
