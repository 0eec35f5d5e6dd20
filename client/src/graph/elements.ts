// Pure functions: API graph data → Cytoscape element definitions (testable without a browser).
import type { ElementDefinition } from 'cytoscape';
import type { GGraph, GNode } from '../api/queries.js';
import { TYPE_STYLE } from './style.js';
// The server's tag words, bundled at build time (a pure file): one list, no copy to drift.
import { hasBenignTag, hasRiskyTag } from '../../../server/src/model/tags.js';

export function nodeElement(
  n: Pick<GNode, 'id' | 'type' | 'key' | 'label' | 'risk' | 'tags' | 'props'>,
): ElementDefinition {
  const style = TYPE_STYLE[n.type] ?? { color: '#999', shape: 'ellipse' };
  const classes = [hasRiskyTag(n.tags) ? 'intel' : '', hasBenignTag(n.tags) ? 'benign' : ''].filter(Boolean).join(' ');
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
      firstSeen: e.firstSeen,
      lastSeen: e.lastSeen,
    },
  }));
  return [...nodes, ...edges];
}
