// Evidence relative to the data set: a far-off cluster stands out, ordinary values do not.
import { describe, expect, it } from 'vitest';
import {
  evidenceStrength,
  featureStats,
  medianDeviation,
  tailShare,
} from '../../server/src/detect/feature-evidence.js';

describe('feature evidence', () => {
  // Sign-up to first payment in seconds: 950 people over days to weeks, 50 bots within 2 s.
  const people = Array.from({ length: 950 }, (_, i) => 86_400 * (1 + (i % 40)));
  const bots = Array.from({ length: 50 }, (_, i) => 1 + (i % 2));
  const stats = featureStats(Float64Array.from([...people, ...bots]));

  it('flags a cluster far below everyone else even though it is 5% of accounts', () => {
    expect(evidenceStrength(stats, 1, -1).strength).toBe(1);
  });

  it('gives ordinary values no evidence, in either direction', () => {
    expect(evidenceStrength(stats, 86_400 * 5, -1).strength).toBe(0);
    expect(evidenceStrength(stats, 86_400 * 39, -1).strength).toBe(0);
  });

  it('counts rarity for features most accounts have at zero', () => {
    const cb = featureStats(Float64Array.from({ length: 10_000 }, (_, i) => (i < 3 ? 2 : 0)));
    expect(tailShare(cb, 2, 1)).toBeCloseTo(0.0003, 6);
    expect(evidenceStrength(cb, 2, 1).strength).toBeGreaterThan(0.9);
    expect(evidenceStrength(cb, 0, 1).strength).toBe(0);
  });

  it('gives every tail share as counting the values would, whether values repeat or not', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const counts = Float64Array.from({ length: 5000 }, () => (rnd() < 0.8 ? 0 : Math.floor(rnd() * 6)));
    const amounts = Float64Array.from({ length: 5000 }, () => (rnd() < 0.1 ? NaN : rnd() * 1000));
    for (const values of [counts, amounts]) {
      const s = featureStats(values);
      const present = [...values].filter((v) => !Number.isNaN(v));
      for (const v of [...present.slice(0, 50), -1, 0, 2.5, 3, 5, 999.9, 2000]) {
        expect(tailShare(s, v, 1)).toBe(present.filter((x) => x >= v).length / present.length);
        expect(tailShare(s, v, -1)).toBe(present.filter((x) => x <= v).length / present.length);
      }
    }
    // Mostly repeated counts are kept as distinct values with their cumulative counts.
    expect(featureStats(counts).values.length).toBeLessThanOrEqual(6);
  });

  it('ignores accounts where the feature does not apply (NaN)', () => {
    const s = featureStats(Float64Array.from([NaN, NaN, 5, 6, 7]));
    expect(s.median).toBe(6);
    expect(evidenceStrength(s, NaN, 1).strength).toBe(0);
  });
});

describe('medianDeviation', () => {
  it('equals the median of the sorted absolute deviations, ties and even lengths included', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 200; run++) {
      const n = 1 + Math.floor(rand() * 40);
      // Few distinct values, so ties and values equal to the median are common.
      const s = Float64Array.from({ length: n }, () => Math.floor(rand() * 6) * (rand() < 0.2 ? 10 : 1)).sort();
      const mid = (a: Float64Array) =>
        a.length % 2 ? a[(a.length - 1) >> 1]! : (a[a.length / 2 - 1]! + a[a.length / 2]!) / 2;
      const m = mid(s);
      expect(medianDeviation(s, m)).toBe(mid(s.map((x) => Math.abs(x - m)).sort()));
    }
  });
});
