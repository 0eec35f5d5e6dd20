// Closeness to confirmed fraud: nearer accounts score higher; unconnected accounts score nothing.
import { describe, expect, it } from 'vitest';
import { linkGraph, personalisedPageRank, seedLinkWeight } from '../../server/src/detect/fraud-proximity.js';
import { MemberLinkIndex } from '../../server/src/detect/ring-members.js';

describe('personalisedPageRank', () => {
  // 0 (confirmed) – 1 – 2 – 3 in a chain; 4 – 5 apart.
  const g = linkGraph(6, [
    { a: 0, b: 1, w: 1 },
    { a: 1, b: 2, w: 1 },
    { a: 2, b: 3, w: 1 },
    { a: 4, b: 5, w: 1 },
  ]);

  it('decreases with distance from the seed and is zero off its component', () => {
    const p = personalisedPageRank(g, [0]);
    expect(p[1]!).toBeGreaterThan(p[2]!);
    expect(p[2]!).toBeGreaterThan(p[3]!);
    expect(p[4]).toBe(0);
    expect(p[5]).toBe(0);
  });

  it('is all zero without seeds', () => {
    expect([...personalisedPageRank(g, [])].every((x) => x === 0)).toBe(true);
  });

  it('sums direct link weight to seeds only', () => {
    const d = seedLinkWeight(g, (i) => i === 0 || i === 3);
    expect([...d]).toEqual([0, 1, 1, 0, 0, 0]);
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
