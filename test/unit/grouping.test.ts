// Grouping of the account graph: what ends up in one ring.
import { describe, expect, it } from 'vitest';
import { AccountGraph } from '../../server/src/detect/account-graph.js';
import { groupAccounts } from '../../server/src/detect/grouping.js';
import { LINK_THRESHOLD } from '../../server/src/detect/weights.js';

const STRONG = 1; // a shared card or device between a few accounts
const SOFT = 0.35; // a phone from the same block, registered the same days

function build(setup: (g: AccountGraph, id: (k: string) => number) => void): string[][] {
  const g = new AccountGraph();
  setup(g, (k) => g.intern(k));
  return groupAccounts(g.takePairs(), g.keys, LINK_THRESHOLD, 60)
    .map((grp) => grp.map((i) => g.keys[i]!).sort())
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
}

describe('groupAccounts', () => {
  it('keeps a household out of a farm when only one member is soft-linked to it', () => {
    const groups = build((g, id) => {
      const household = ['h1', 'h2', 'h3', 'h4'].map(id);
      g.linkAll(household, STRONG); // one card, one address, one device
      const farm = ['f1', 'f2', 'f3', 'f4', 'f5'].map(id);
      g.addSoft('SEQUENTIAL_PHONES', farm, SOFT); // SMS block, registered together
      g.addSoft('SEQUENTIAL_PHONES', [id('h1'), ...farm], SOFT); // h1's number sits in the block
    });
    expect(groups).toEqual([
      ['f1', 'f2', 'f3', 'f4', 'f5'],
      ['h1', 'h2', 'h3', 'h4'],
    ]);
  });

  it('joins groups when most of each takes part in the soft links', () => {
    const groups = build((g, id) => {
      g.linkAll(['a1', 'a2'].map(id), STRONG); // two farm accounts on one emulator
      g.linkAll(['b1', 'b2', 'b3'].map(id), STRONG); // three on another
      g.addSoft('SEQUENTIAL_PHONES', ['a1', 'a2', 'b1', 'b2', 'b3', 'c1'].map(id), SOFT);
    });
    expect(groups).toEqual([['a1', 'a2', 'b1', 'b2', 'b3', 'c1']]);
  });

  it('does not link accounts whose only tie is below the threshold', () => {
    const groups = build((g, id) => {
      g.addEdge(id('x'), id('y'), LINK_THRESHOLD / 2);
      g.linkAll(['p', 'q'].map(id), STRONG);
    });
    expect(groups).toEqual([['p', 'q']]);
  });
});

describe('groupAccounts on a group too large to be one ring (Louvain)', () => {
  // Two dense farms of 40 joined by a few strong links: one component of 80, above maxGroup 60.
  const farm = (p: string) => Array.from({ length: 40 }, (_, i) => `${p}${String(i).padStart(2, '0')}`);
  const pairsOf = (): [string, string, number][] => {
    const out: [string, string, number][] = [];
    let state = 7;
    const rnd = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (const f of [farm('a'), farm('b')])
      for (let i = 0; i < f.length; i++)
        for (let j = i + 1; j < f.length; j++) if (rnd() < 0.3) out.push([f[i]!, f[j]!, STRONG + rnd()]);
    for (let i = 0; i < 3; i++) out.push([`a${String(i).padStart(2, '0')}`, `b${String(i).padStart(2, '0')}`, STRONG]);
    return out;
  };
  const groupsFrom = (pairs: [string, string, number][], internOrder: string[]) => {
    const g = new AccountGraph();
    for (const k of internOrder) g.intern(k);
    for (const [a, b, w] of pairs) g.addEdge(g.intern(a), g.intern(b), w);
    return groupAccounts(g.takePairs(), g.keys, LINK_THRESHOLD, 60)
      .map((grp) => grp.map((i) => g.keys[i]!).sort())
      .sort((a, b) => a[0]!.localeCompare(b[0]!));
  };

  it('splits it the same way whatever order the pairs and accounts came in', () => {
    // A chain of 80 accounts, each linked to the next two, all alike: where Louvain cuts it depends
    // on the order it visits accounts and links, unless that order is fixed.
    const keys = [...farm('a'), ...farm('b')];
    const pairs: [string, string, number][] = [];
    keys.forEach((k, i) => {
      for (const j of [i + 1, i + 2]) if (j < keys.length) pairs.push([k, keys[j]!, STRONG]);
    });
    const forward = groupsFrom(pairs, keys);
    const backward = groupsFrom([...pairs].reverse(), [...keys].reverse());
    expect(forward.length).toBeGreaterThan(1);
    expect(backward).toEqual(forward);
  });

  it('never puts an account in two groups through a soft link that joined nothing', () => {
    const g = new AccountGraph();
    for (const [a, b, w] of pairsOf()) g.addEdge(g.intern(a), g.intern(b), w);
    // A household of two outside the farm, one member soft-linked to a single farm account: the
    // link reaches the threshold but does not join the groups (far less than half of the farm).
    g.linkAll(
      ['h1', 'h2'].map((k) => g.intern(k)),
      STRONG,
    );
    g.addSoft(
      'SEQUENTIAL_PHONES',
      ['h1', 'a05'].map((k) => g.intern(k)),
      LINK_THRESHOLD,
    );
    const groups = groupAccounts(g.takePairs(), g.keys, LINK_THRESHOLD, 60).map((grp) => grp.map((i) => g.keys[i]!));
    const seen = groups.flat();
    expect(new Set(seen).size).toBe(seen.length);
    expect(groups.map((x) => [...x].sort())).toContainEqual(['h1', 'h2']);
  });
});
