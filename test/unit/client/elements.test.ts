// client/src/graph/elements.ts and chain.ts: API graph data → Cytoscape elements, and chain tiers.
import { describe, expect, it } from 'vitest';
import { chainColumn, chainPositions } from '../../../client/src/graph/chain.js';
import { nodeElement, toElements } from '../../../client/src/graph/elements.js';
import { TYPE_STYLE } from '../../../client/src/graph/style.js';

const node = (id: string, type: string, tags: string[] = [], risk: number | null = null) => ({
  id,
  type,
  key: id.slice(id.indexOf(':') + 1),
  label: id,
  risk,
  tags,
  props: null,
});

describe('nodeElement', () => {
  it('colours and shapes a node by its type and keeps its data', () => {
    const el = nodeElement(node('IP:203.0.113.7', 'IP', [], 0.7));
    expect(el.group).toBe('nodes');
    expect(el.data).toMatchObject({
      id: 'IP:203.0.113.7',
      type: 'IP',
      key: '203.0.113.7',
      risk: 0.7,
      color: TYPE_STYLE.IP!.color,
      shape: TYPE_STYLE.IP!.shape,
      props: {},
    });
  });

  it('marks intel-tagged nodes as intel and benign crowds as benign', () => {
    expect(nodeElement(node('IP:1', 'IP', ['proxy'])).classes).toBe('intel');
    expect(nodeElement(node('IP:2', 'IP', ['cgnat'])).classes).toBe('benign');
    expect(nodeElement(node('IP:3', 'IP', ['proxy', 'carrier'])).classes).toBe('intel benign');
    expect(nodeElement(node('IP:4', 'IP', ['something-else'])).classes).toBe('');
    // The same tag words as the server's detection (tor and office were missing from a copy once).
    expect(nodeElement(node('IP:5', 'IP', ['tor'])).classes).toBe('intel');
    expect(nodeElement(node('IP:6', 'IP', ['office'])).classes).toBe('benign');
  });

  it('gives an unknown type a neutral style instead of failing, and a missing risk 0', () => {
    const el = nodeElement(node('Widget:x', 'Widget'));
    expect(el.data.color).toBe('#999');
    expect(el.data.risk).toBe(0);
  });
});

describe('toElements', () => {
  it('turns nodes and edges into elements, edges with a count of at least 1', () => {
    const els = toElements({
      nodes: [node('Account:a', 'Account'), node('Device:d', 'Device')],
      edges: [
        {
          id: 'Account:a-USED_DEVICE->Device:d',
          source: 'Account:a',
          target: 'Device:d',
          type: 'USED_DEVICE',
          count: null,
          firstSeen: '2026-01-01T00:00:00Z',
          lastSeen: null,
        },
      ],
    });
    expect(els.map((e) => e.group)).toEqual(['nodes', 'nodes', 'edges']);
    expect(els[2]!.data).toMatchObject({ source: 'Account:a', target: 'Device:d', count: 1, type: 'USED_DEVICE' });
  });
});

describe('chain tiers', () => {
  it('puts tools and intel-tagged resources first, identifiers second, accounts third, the rest last', () => {
    expect(chainColumn('Tool', [])).toBe(0);
    expect(chainColumn('IP', ['datacenter'])).toBe(0);
    expect(chainColumn('Phone', [])).toBe(1);
    expect(chainColumn('Account', ['proxy'])).toBe(2);
    expect(chainColumn('PaymentMethod', [])).toBe(3);
  });

  it('places each tier in its own column, left to right', () => {
    const pos = chainPositions(
      [
        { id: 'Account:a', type: 'Account', tags: [] },
        { id: 'Tool:t', type: 'Tool', tags: [] },
        { id: 'Device:d', type: 'Device', tags: [] },
        { id: 'Address:x', type: 'Address', tags: [] },
      ],
      800,
      500,
    );
    const xs = ['Tool:t', 'Device:d', 'Account:a', 'Address:x'].map((id) => pos[id]!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
  });
});
