// Ranking quality: precision/recall at the threshold, PR-AUC and top-k% lift on known rankings.
import { describe, expect, it } from 'vitest';
import { averagePrecision, liftAt, rankingQuality } from '../../server/src/detect/risk-metrics.js';

const items = (flags: boolean[]) => flags.map((fraud, i) => ({ score: 1 - i / flags.length, fraud }));

describe('risk metrics', () => {
  it('gives a perfect ranking PR-AUC 1 and a reversed one a low PR-AUC', () => {
    expect(averagePrecision(items([true, true, false, false, false]))).toBe(1);
    expect(averagePrecision(items([false, false, false, true, true]))).toBeCloseTo((1 / 4 + 2 / 5) / 2, 5);
  });

  it('measures lift as the fraud rate at the top over the base rate', () => {
    // 100 accounts, 2 fraud, one of them ranked first: top 1% is 1 account, all fraud → 50x.
    const flags = Array.from({ length: 100 }, (_, i) => i === 0 || i === 60);
    expect(liftAt(items(flags), 0.01)).toBe(50);
    expect(liftAt(items(flags), 0.05)).toBe(10);
  });

  it('does not credit ties: a tied legitimate account ranks first', () => {
    const tied = [
      { score: 0.5, fraud: true },
      { score: 0.5, fraud: false },
    ];
    expect(averagePrecision(tied)).toBe(0.5);
  });

  it('counts precision and recall at the threshold', () => {
    const q = rankingQuality(
      [
        { score: 0.9, fraud: true },
        { score: 0.6, fraud: false },
        { score: 0.4, fraud: true },
        { score: 0.1, fraud: false },
      ],
      0.5,
    );
    expect(q).toMatchObject({ flagged: 2, truePositives: 1, precision: 0.5, recall: 0.5, fraud: 2, labelled: 4 });
  });
});
