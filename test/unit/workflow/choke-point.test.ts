import { describe, expect, it } from 'vitest';
import type { GraphData, GraphEdge, GraphNode } from '../../../server/src/explore/graph-model.js';
import { chokePoint } from '../../../server/src/workflow/choke-point.js';

const node = (id: string): GraphNode => {
  const [type, key] = id.split(':') as [string, string];
  return { id, type, key, label: key, risk: null, tags: [], props: {} };
};
const edge = (source: string, type: string, target: string): GraphEdge => ({
  id: `${source}-${type}->${target}`,
  source,
  target,
  type,
  count: 1,
  firstSeen: null,
  lastSeen: null,
  props: {},
  events: null,
});

describe('a ring’s choke point', () => {
  // Three members share one device (their way in) and one card (their cash-out); two of them also
  // pay outsiders, who are in the ring's picture but not members.
  const graph: GraphData = {
    nodes: ['Device:d1', 'Account:m1', 'Account:m2', 'Account:m3', 'PaymentMethod:c1', 'Account:x1', 'Account:x2'].map(
      node,
    ),
    edges: [
      ...['m1', 'm2', 'm3'].flatMap((m) => [
        edge(`Account:${m}`, 'USED_DEVICE', 'Device:d1'),
        edge(`Account:${m}`, 'PAID_WITH', 'PaymentMethod:c1'),
      ]),
      edge('Account:m1', 'TRANSFERRED_TO', 'Account:x1'),
      edge('Account:m2', 'TRANSFERRED_TO', 'Account:x2'),
    ],
    truncated: false,
  };

  it('counts and cuts the members only, not the counterparties in the picture', () => {
    const c = chokePoint(graph, new Set(['Account:m1', 'Account:m2', 'Account:m3']));
    expect(c.members).toBe(3);
    expect(c.reaching).toBe(3);
    expect(c.resources.map((r) => r.id)).toHaveLength(1);
    expect(['Device:d1', 'PaymentMethod:c1']).toContain(c.resources[0]!.id);
    expect(c.cut).toBe(3);
  });
});
