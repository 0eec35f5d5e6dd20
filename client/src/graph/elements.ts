// Pure functions: API graph data → Cytoscape element definitions (testable without a browser).
import type { ElementDefinition } from 'cytoscape';
import type { GGraph, GNode } from '../api/queries.js';
import { BENIGN_TAGS, RISKY_TAGS } from '../../../server/src/model/tags.js';
import { TYPE_STYLE } from './style.js';

export function isRiskyTag(tag: string): boolean {
  return RISKY_TAGS.includes(tag);
}

/** The tags investigators flagged on a node (the API lists them in props.flagged). */
export function flaggedTags(props: unknown): string[] {
  const f = (props as { flagged?: unknown } | null)?.flagged;
  return Array.isArray(f) ? f.map(String) : [];
}

/** What the canvas writes under a node: its label, with a flag mark when investigators flagged it. */
export function displayLabel(label: string, flagged: readonly string[]): string {
  return flagged.length ? `⚑ ${label}` : label;
}

export function nodeClasses(tags: readonly string[], flagged: readonly string[]): string {
  return [
    tags.some((t) => RISKY_TAGS.includes(t)) ? 'intel' : '',
    tags.some((t) => BENIGN_TAGS.includes(t)) ? 'benign' : '',
    flagged.length ? 'flagged' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function nodeElement(
  n: Pick<GNode, 'id' | 'type' | 'key' | 'label' | 'risk' | 'tags' | 'props'>,
): ElementDefinition {
  const style = TYPE_STYLE[n.type] ?? { color: '#999', shape: 'ellipse' };
  const flagged = flaggedTags(n.props);
  return {
    group: 'nodes',
    data: {
      id: n.id,
      type: n.type,
      key: n.key,
      label: n.label,
      display: displayLabel(n.label, flagged),
      risk: n.risk ?? 0,
      tags: n.tags,
      flagged,
      props: n.props ?? {},
      color: style.color,
      shape: style.shape,
    },
    classes: nodeClasses(n.tags, flagged),
  };
}

/** An edge's label on the canvas: its kind in words and how many events it aggregates. */
export function edgeLabel(type: string, count: number): string {
  const words = type.toLowerCase().replaceAll('_', ' ');
  return count > 1 ? `${words} ×${count}` : words;
}

export function toElements(g: Pick<GGraph, 'nodes' | 'edges'>): ElementDefinition[] {
  const nodes = g.nodes.map(nodeElement);
  const edges: ElementDefinition[] = g.edges.map((e) => ({
    group: 'edges',
    data: {
      id: e.id,
      source: e.source,
      target: e.target,
      type: e.type,
      count: e.count ?? 1,
      label: edgeLabel(e.type, e.count ?? 1),
      firstSeen: e.firstSeen,
      lastSeen: e.lastSeen,
    },
  }));
  return [...nodes, ...edges];
}
