// Ranking quality of risk scores against known labels: precision and recall at a threshold,
// PR-AUC (average precision) and lift in the top k% (fraud rate there over the base rate).
// Pure functions over (score, isFraud) pairs; cost O(n log n) for the sort.

export interface ScoredLabel {
  score: number;
  fraud: boolean;
}

export interface RankingQuality {
  labelled: number;
  fraud: number;
  threshold: number;
  flagged: number;
  truePositives: number;
  precision: number;
  recall: number;
  prAuc: number;
  liftTop1: number;
  liftTop5: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Highest score first; ties broken by putting legitimate accounts first (no credit for ties). */
function ranked(items: ScoredLabel[]): ScoredLabel[] {
  return [...items].sort((a, b) => b.score - a.score || Number(a.fraud) - Number(b.fraud));
}

/** Average precision over the ranking: the area under the precision–recall curve. */
export function averagePrecision(items: ScoredLabel[]): number {
  const total = items.filter((i) => i.fraud).length;
  if (!total) return 0;
  let tp = 0;
  let sum = 0;
  ranked(items).forEach((it, k) => {
    if (it.fraud) {
      tp++;
      sum += tp / (k + 1);
    }
  });
  return sum / total;
}

/** Fraud rate among the top `fraction` of the ranking divided by the overall fraud rate. */
export function liftAt(items: ScoredLabel[], fraction: number): number {
  const total = items.filter((i) => i.fraud).length;
  if (!total || !items.length) return 0;
  const n = Math.max(1, Math.round(items.length * fraction));
  const hits = ranked(items)
    .slice(0, n)
    .filter((i) => i.fraud).length;
  return hits / n / (total / items.length);
}

export function rankingQuality(items: ScoredLabel[], threshold: number): RankingQuality {
  const fraud = items.filter((i) => i.fraud).length;
  const flagged = items.filter((i) => i.score >= threshold);
  const tp = flagged.filter((i) => i.fraud).length;
  return {
    labelled: items.length,
    fraud,
    threshold,
    flagged: flagged.length,
    truePositives: tp,
    precision: r3(flagged.length ? tp / flagged.length : 0),
    recall: r3(fraud ? tp / fraud : 0),
    prAuc: r3(averagePrecision(items)),
    liftTop1: Math.round(liftAt(items, 0.01) * 10) / 10,
    liftTop5: Math.round(liftAt(items, 0.05) * 10) / 10,
  };
}
