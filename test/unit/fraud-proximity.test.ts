// Closeness to confirmed fraud: nearer accounts score higher; unconnected accounts score nothing.
import { describe, expect, it } from 'vitest';
import {
  EdgeList,
  linkGraph,
  personalisedPageRank,
  personalisedPageRankPicked,
  personalisedPageRanks,
  seedLinkWeight,
} from '../../server/src/detect/fraud-proximity.js';
import { AccountGraph } from '../../server/src/detect/account-graph.js';
import { MemberLinkIndex } from '../../server/src/detect/ring-members.js';

describe('personalisedPageRank', () => {
  // 0 (confirmed) – 1 – 2 – 3 in a chain; 4 – 5 apart.
  const g = linkGraph(6, [
    EdgeList.from([
      { a: 0, b: 1, w: 1 },
      { a: 1, b: 2, w: 1 },
      { a: 2, b: 3, w: 1 },
      { a: 4, b: 5, w: 1 },
    ]),
  ]);

  it('decreases with distance from the seed and is zero off its component', () => {
    const p = personalisedPageRank(g, [0]);
    expect(p[1]!).toBeGreaterThan(p[2]!);
    expect(p[2]!).toBeGreaterThan(p[3]!);
    expect(p[4]).toBe(0);
    expect(p[5]).toBe(0);
  });

  it('walks several seed sets together to exactly what each gives alone', () => {
    // A denser graph with a dangling account (6) and uneven weights.
    const edges = new EdgeList();
    for (let i = 0; i < 40; i++) edges.push(i % 13, (i * 7 + 3) % 13, 0.25 + (i % 5) * 0.4);
    const dense = linkGraph(14, [edges], 2);
    const sets = [[0], [1, 2, 3], [], [12, 5]];
    const together = personalisedPageRanks(dense, sets);
    sets.forEach((seeds, k) => expect([...together[k]!]).toEqual([...personalisedPageRank(dense, seeds)]));
    // Each account read from one walk only (as account risk reads its own fold's): the same values.
    const walkOf = (i: number) => (i * 5) % sets.length;
    const picked = personalisedPageRankPicked(dense, sets, walkOf);
    expect([...picked]).toEqual(Array.from({ length: 14 }, (_, i) => together[walkOf(i)]![i]!));
    expect(picked.some((x) => x > 0)).toBe(true);
  });

  it('gives, to the last bit, the walk that passes over every account', () => {
    // Accounts 0–9 linked in two components (one without seeds), 10–19 unlinked, 15 an unlinked seed.
    const edges = new EdgeList();
    for (let i = 0; i < 12; i++) edges.push(i % 5, (i * 3 + 1) % 5, 0.3 + (i % 4) * 0.5);
    for (let i = 5; i < 9; i++) edges.push(i, i + 1, 0.7);
    const graph = linkGraph(20, [edges], 2);
    const seeds = [0, 3, 15];
    // The update written out plainly, account by account in order, as before the walk skipped any.
    const n = graph.size;
    const strength = Array.from({ length: n }, (_, i) => {
      let s = 0;
      for (let e = graph.offsets[i]!; e < graph.offsets[i + 1]!; e++) s += graph.weights[e]!;
      return s;
    });
    const start = new Float64Array(n);
    for (const s of seeds) start[s] = 1 / seeds.length;
    let p = Float64Array.from(start);
    for (let it = 0; it < 20; it++) {
      const next = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        if (strength[i] === 0) next[i]! += p[i]!;
        else
          for (let e = graph.offsets[i]!; e < graph.offsets[i + 1]!; e++)
            next[graph.targets[e]!]! += (p[i]! / strength[i]!) * graph.weights[e]!;
      }
      for (let i = 0; i < n; i++) next[i] = start[i] ? 0.7 * next[i]! + 0.3 * start[i]! : 0.7 * next[i]!;
      p = next;
    }
    const expected = [...p].map((x) => x * seeds.length);
    expect([...personalisedPageRank(graph, seeds)]).toEqual(expected);
    expect(expected[15]).toBeGreaterThan(0);
    expect(expected.slice(5, 10).every((x) => x === 0)).toBe(true);
  });

  it('is all zero without seeds', () => {
    expect([...personalisedPageRank(g, [])].every((x) => x === 0)).toBe(true);
  });

  it('sums direct link weight to seeds only', () => {
    const d = seedLinkWeight(g, (i) => i === 0 || i === 3);
    expect([...d]).toEqual([0, 1, 1, 0, 0, 0]);
  });
});

describe('linkGraph', () => {
  it('merges a pair given twice into one link with the summed weight, capped', () => {
    // 0–1 share a device (1.5) and 1 paid 0 (0.5 twice); 0–2 once; 2–2 is no link.
    const edges = new EdgeList();
    for (const [a, b, w] of [
      [0, 1, 1.5],
      [0, 2, 0.25],
      [1, 0, 0.5],
      [2, 2, 1],
      [0, 1, 0.5],
    ] as const)
      edges.push(a, b, w);
    const g = linkGraph(3, [edges], 2);
    const neighbours = (i: number) =>
      Array.from({ length: g.offsets[i + 1]! - g.offsets[i]! }, (_, k) => [
        g.targets[g.offsets[i]! + k],
        g.weights[g.offsets[i]! + k],
      ]);
    expect(neighbours(0)).toEqual([
      [1, 2],
      [2, 0.25],
    ]);
    expect(neighbours(1)).toEqual([[0, 2]]);
    expect(neighbours(2)).toEqual([[0, 0.25]]);
  });

  it('grows past its first capacity without losing links', () => {
    const edges = new EdgeList();
    for (let i = 0; i < 5000; i++) edges.push(i, i + 1, 1);
    const g = linkGraph(5001, [edges]);
    expect(g.targets.length).toBe(10_000);
    expect(seedLinkWeight(g, (i) => i === 4000)[3999]).toBe(1);
  });
});

describe('AccountGraph pair keys', () => {
  it('keep pairs of accounts numbered past two million apart', () => {
    // With the old 2^21 base, (1, 2^21 + 5) and (2, 5) were the same key.
    const p = AccountGraph.pair(1, 2 ** 21 + 5);
    expect(p).not.toBe(AccountGraph.pair(2, 5));
    expect(AccountGraph.unpair(p)).toEqual([1, 2 ** 21 + 5]);
    expect(AccountGraph.unpair(AccountGraph.pair(40_000_000, 39_999_999))).toEqual([39_999_999, 40_000_000]);
  });
});

describe('MemberLinkIndex', () => {
  it('counts links among members only and outside counterparties apart', () => {
    // 0, 1, 2 are a ring; 0 pays 1; 1 and 2 pay outsiders 7 and 8 (everyone pays someone).
    const idx = new MemberLinkIndex([
      { from: 0, to: 1 },
      { from: 1, to: 7 },
      { from: 2, to: 8 },
      { from: 2, to: 7 },
    ]);
    expect(idx.among([0, 1, 2])).toEqual({ linkedMembers: 2, links: 1, counterparties: 2 });
  });
});
