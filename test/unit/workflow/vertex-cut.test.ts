import { describe, expect, it } from 'vitest';
import { minVertexCut } from '../../../server/src/workflow/vertex-cut.js';

describe('minimum vertex cut', () => {
  it('finds the one node every path goes through', () => {
    // 0,1 → 2 → 3,4 → 5 ; node 2 is the choke point
    const r = minVertexCut({
      capacity: [1, 1, 1, 1, 1, 1],
      edges: [
        [0, 2],
        [1, 2],
        [2, 3],
        [2, 4],
        [3, 5],
        [4, 5],
      ],
      sources: [0, 1],
      sinks: [5],
    });
    expect(r).toEqual({ cut: [2], value: 1 });
  });

  it('cuts around nodes that must not be cut', () => {
    // two parallel paths through 1 and 2; 1 is uncuttable, so the cut moves to 3 (after 1)
    const r = minVertexCut({
      capacity: [Infinity, Infinity, 1, 1, Infinity],
      edges: [
        [0, 1],
        [0, 2],
        [1, 3],
        [3, 4],
        [2, 4],
      ],
      sources: [0],
      sinks: [4],
    });
    expect(r.cut.sort()).toEqual([2, 3]);
    expect(r.value).toBe(2);
  });

  it('says when no finite cut exists', () => {
    expect(minVertexCut({ capacity: [Infinity, Infinity], edges: [[0, 1]], sources: [0], sinks: [1] }).value).toBe(
      Infinity,
    );
  });
});
