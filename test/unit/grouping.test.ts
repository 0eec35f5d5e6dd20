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
  return groupAccounts(g, LINK_THRESHOLD, 60)
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
