// client/src/graph/histogram.ts: activity bins of the time bar.
import { describe, expect, it } from 'vitest';
import { activityBins } from '../../../client/src/graph/histogram.js';

describe('activityBins', () => {
  it('spreads each link over its first..last span, weighted by its events, between the extremes', () => {
    const b = activityBins(
      [
        { first: 0, last: 0, count: 4 },
        { first: 50, last: 99, count: 10 },
        { first: null, last: 100, count: 1 },
      ],
      10,
    );
    expect(b.min).toBe(0);
    expect(b.max).toBe(100);
    expect(b.counts[0]).toBe(4);
    expect(b.counts.slice(5).reduce((x, y) => x + y, 0)).toBeCloseTo(11);
    expect(b.counts.reduce((x, y) => x + y, 0)).toBeCloseTo(15);
  });

  it('has no bins when nothing on the canvas is dated', () => {
    expect(activityBins([{ first: null, last: null, count: 3 }]).counts).toEqual([]);
  });
});
