// What ring membership adds to a member's risk, and the human-speed bound on velocity evidence.
import { describe, expect, it } from 'vitest';
import { ringContribution, type AccountRing } from '../../server/src/detect/account-risk.js';
import { belowHumanSpeed } from '../../server/src/detect/feature-evidence.js';
import { memberMedian } from '../../server/src/detect/ring-members.js';
import { fairSample } from '../../server/src/detect/risk-learning.js';

const ring = (over: Partial<AccountRing>): AccountRing => ({
  id: 'R-1',
  score: 0.62,
  size: 5,
  structural: 0.5,
  memberMedian: 0.6,
  ...over,
});

describe('ring contribution', () => {
  it('gives a member like the others the ring score', () => {
    expect(ringContribution(ring({}), 0.6)).toEqual({ weight: 0.62, unlike: false });
  });

  it('gives a member unlike its individually unusual ring only part of the structure', () => {
    const c = ringContribution(ring({}), 0);
    expect(c.unlike).toBe(true);
    expect(c.weight).toBeLessThan(0.5);
    expect(c.weight).toBeGreaterThan(0);
  });

  it('does not single out members of a ring of ordinary accounts', () => {
    expect(ringContribution(ring({ score: 0.55, structural: 0.55, memberMedian: 0.05 }), 0)).toEqual({
      weight: 0.55,
      unlike: false,
    });
  });

  it('takes the lower median of an even count', () => {
    expect(memberMedian([0.9, 0.1, 0.6, 0])).toBe(0.1);
    expect(memberMedian([])).toBe(0);
  });
});

describe('below human speed', () => {
  it('is full at a minute or less, none from an hour, and falls in between', () => {
    expect(belowHumanSpeed(0)).toBe(1);
    expect(belowHumanSpeed(60)).toBe(1);
    expect(belowHumanSpeed(3600)).toBe(0);
    expect(belowHumanSpeed(86_400)).toBe(0);
    expect(belowHumanSpeed(600)).toBeGreaterThan(0);
    expect(belowHumanSpeed(600)).toBeLessThan(belowHumanSpeed(120));
    expect(belowHumanSpeed(NaN)).toBe(0);
  });
});

describe('fair sample', () => {
  const risk = Float64Array.from({ length: 200 }, (_, i) => (i % 10) / 10);
  it('accepts labels on a random half and rejects labels given mostly to risky accounts', () => {
    expect(
      fairSample(
        risk,
        Int8Array.from(risk, (_, i) => (i < 100 ? 0 : -1)),
      ),
    ).toBe(true);
    expect(
      fairSample(
        risk,
        Int8Array.from(risk, (r) => (r >= 0.8 ? 1 : -1)),
      ),
    ).toBe(false);
  });
  it('ends on missing values', () => {
    const withNaN = Float64Array.from([NaN, 0.1, NaN, 0.1]);
    expect(fairSample(withNaN, Int8Array.from([1, 0, -1, -1]))).toBe(true);
  });
});
