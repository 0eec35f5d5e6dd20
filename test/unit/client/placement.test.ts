// client/src/graph/placement.ts: new nodes are placed around their neighbour on the canvas, and
// nothing already there moves.
import { describe, expect, it } from 'vitest';
import { MIN_GAP, placeNew, type Point } from '../../../client/src/graph/placement.js';

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

describe('placeNew', () => {
  const placed = new Map<string, Point>([
    ['a', { x: 0, y: 0 }],
    ['b', { x: 200, y: 0 }],
    ['c', { x: 100, y: 150 }],
  ]);

  it('places new nodes near their anchor, apart from each other and from every placed node', () => {
    const fresh = Array.from({ length: 25 }, (_, i) => ({ id: `n${i}`, neighbours: ['b'] }));
    const before = new Map(placed);
    const out = placeNew(fresh, placed);
    expect(placed).toEqual(before);
    expect(out.size).toBe(25);
    const all = [...placed.values(), ...out.values()];
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++) expect(dist(all[i]!, all[j]!)).toBeGreaterThanOrEqual(MIN_GAP - 1e-9);
    for (const p of out.values()) expect(dist(p, placed.get('b')!)).toBeLessThan(300);
  });

  it('puts a single new node on the side of its anchor facing away from the picture', () => {
    const out = placeNew([{ id: 'n', neighbours: ['b'] }], placed);
    expect(out.get('n')!.x).toBeGreaterThan(200);
  });

  it('places nodes reached through other new nodes, and unconnected ones near the centre', () => {
    const out = placeNew(
      [
        { id: 'far', neighbours: ['mid'] },
        { id: 'mid', neighbours: ['a', 'far'] },
        { id: 'alone', neighbours: [] },
      ],
      placed,
    );
    expect(dist(out.get('far')!, out.get('mid')!)).toBeLessThan(150);
    expect(dist(out.get('alone')!, { x: 100, y: 50 })).toBeLessThan(200);
  });
});
