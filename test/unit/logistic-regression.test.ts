// Logistic regression: recovers the direction and size of real effects, shrinks with L2.
import { describe, expect, it } from 'vitest';
import { fitLogistic, predictProbability } from '../../server/src/detect/logistic-regression.js';

/** Rows whose label follows P(y=1) = sigmoid(2·x0 − 1·x1 − 0.5), x2 pure noise. */
function sample(n: number, seed = 7): { rows: number[][]; labels: number[] } {
  let s = seed;
  const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = [gauss(), gauss(), gauss()];
    const p = 1 / (1 + Math.exp(-(2 * x[0]! - x[1]! - 0.5)));
    rows.push(x);
    labels.push(rnd() < p ? 1 : 0);
  }
  return { rows, labels };
}

describe('fitLogistic', () => {
  it('recovers the weights that generated the labels', () => {
    const { rows, labels } = sample(5000);
    const m = fitLogistic(rows, labels, { l2: 0.01 });
    expect(m.weights[0]).toBeCloseTo(2, 0);
    expect(m.weights[1]).toBeCloseTo(-1, 0);
    expect(Math.abs(m.weights[2]!)).toBeLessThan(0.2);
    expect(m.weights[3]).toBeCloseTo(-0.5, 0);
  });

  it('ranks a clearly fraudulent-looking row above a clearly legitimate one', () => {
    const { rows, labels } = sample(500);
    const m = fitLogistic(rows, labels);
    expect(predictProbability(m, [2, -1, 0])).toBeGreaterThan(0.9);
    expect(predictProbability(m, [-2, 1, 0])).toBeLessThan(0.1);
  });

  it('shrinks weights towards zero as the penalty grows', () => {
    const { rows, labels } = sample(300);
    const loose = fitLogistic(rows, labels, { l2: 0.01 });
    const tight = fitLogistic(rows, labels, { l2: 300 });
    expect(Math.abs(tight.weights[0]!)).toBeLessThan(Math.abs(loose.weights[0]!) / 2);
  });

  it('stays finite when the classes are perfectly separable', () => {
    const rows = [[-2], [-1], [1], [2]];
    const m = fitLogistic(rows, [0, 0, 1, 1]);
    expect(m.weights.every(Number.isFinite)).toBe(true);
    expect(predictProbability(m, [2])).toBeGreaterThan(predictProbability(m, [-2]));
  });

  it('names the problem when rows and labels do not match', () => {
    expect(() => fitLogistic([[1], [2]], [1])).toThrow(/2 rows but 1 labels/);
    expect(() => fitLogistic([[1], [2, 3]], [1, 0])).toThrow(/different lengths/);
  });
});
