// client/src/graph/elements.ts and chain.ts: API graph data → Cytoscape elements, and chain tiers.
import { describe, expect, it } from 'vitest';
import { chainLayout, tierOf } from '../../../client/src/graph/chain.js';
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
  it('puts tools first, identifiers second, accounts third, APIs, cards and addresses last', () => {
    expect(tierOf('Tool')).toBe(0);
    expect(tierOf('Phone')).toBe(1);
    expect(tierOf('IP')).toBe(1);
    expect(tierOf('Account')).toBe(2);
    expect(tierOf('PaymentMethod')).toBe(3);
  });

  it('gives every type one column, in the same order whatever else is in the picture', () => {
    const a = chainLayout(
      [
        { id: 'Account:a', type: 'Account' },
        { id: 'Tool:t', type: 'Tool' },
        { id: 'Device:d', type: 'Device' },
        { id: 'Address:x', type: 'Address' },
      ],
      500,
    ).positions;
    const xs = ['Tool:t', 'Device:d', 'Account:a', 'Address:x'].map((id) => a[id]!.x);
    expect(xs).toEqual([...xs].sort((p, q) => p - q));
    expect(new Set(xs).size).toBe(4);
    // Another picture with an IP and a proxy-tagged IP: both in one column, left of the accounts.
    const b = chainLayout(
      [
        { id: 'IP:1', type: 'IP' },
        { id: 'IP:2', type: 'IP' },
        { id: 'Account:a', type: 'Account' },
      ],
      500,
    ).positions;
    expect(b['IP:1']!.x).toBe(b['IP:2']!.x);
    expect(b['IP:1']!.x).toBeLessThan(b['Account:a']!.x);
  });

  it('wraps a long column into sub-columns instead of stacking labels, and heads every tier', () => {
    const accounts = Array.from({ length: 30 }, (_, i) => ({ id: `Account:u${i}`, type: 'Account' }));
    const { positions, headings } = chainLayout(accounts, 46 * 10, { accounts: 'Accounts (30)' });
    const xs = new Set(accounts.map((a) => positions[a.id]!.x));
    expect(xs.size).toBe(3);
    const ys = accounts.map((a) => positions[a.id]!.y);
    expect(Math.max(...ys)).toBeLessThan(46 * 10);
    expect(headings.map((h) => h.title)).toEqual([
      'Tools and upstream resources',
      'Phones, IPs, devices, emails',
      'Accounts (30)',
      'APIs, cards, addresses',
    ]);
    const acc = headings[2]!;
    for (const x of xs) expect(x > acc.x0 && x < acc.x1).toBe(true);
  });
});
