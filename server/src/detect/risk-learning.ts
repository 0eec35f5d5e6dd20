// Learning account risk from confirmed cases: a regularised logistic regression over every
// account feature (log-scaled, standardised), ring score and closeness to confirmed fraud, fitted
// k-fold so each labelled account is scored by a model that never saw its label. Two ways to turn
// the model into risk are compared out of fold and the better one (PR-AUC) is kept:
// - "learned": the model's probability itself (right when the labelled accounts are a fair sample,
//   e.g. a random half of accounts was reviewed);
// - "learned+evidence": the unsupervised risk moved by the model's odds over the labelled base
//   odds (Bayes' rule; right when labels over-represent fraud, e.g. only some ring members are
//   confirmed, because the labelled base rate then says nothing about the whole data set).
// Ties go to "learned+evidence", the more conservative, and so does a labelled set that is not a
// fair sample of all accounts (fairSample). Cost: (folds + 1) fits, each
// O(iterations · labelled · features²).
import { fitLogistic, logOdds, sigmoid, type LogisticModel } from './logistic-regression.js';
import { BASE_FEATURES, type FeatureTable } from './risk-features.js';
import { averagePrecision, rankingQuality, type RankingQuality } from './risk-metrics.js';
import { FLAG_THRESHOLD } from '../model/thresholds.js';

export type Combination = 'learned' | 'learned+evidence';

export interface Learned {
  risk: Float64Array;
  /** Model log-odds over the labelled base odds, per account (out of fold for labelled ones). */
  shift: Float64Array;
  combination: Combination;
  weights: Record<string, number>;
  crossValidated: RankingQuality;
  /** Out-of-fold PR-AUC of each combination. */
  compared: Record<Combination, number>;
  /** Feature names with the largest positive contribution for an account. */
  topFeatures: (i: number) => string[];
}

const logit = (p: number) => Math.log(p / (1 - p));
const clampP = (p: number) => Math.min(0.995, Math.max(0.005, p));
const tf = (x: number) => Math.sign(x) * Math.log1p(Math.abs(x));
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Standardised log-scaled features (missing → the mean, i.e. 0); constant columns are dropped.
 * Only each column's mean and spread are kept: a value is standardised when a row is built, so a
 * million accounts cost no copy of the table (35 standardised columns were 280 MB at 1M accounts).
 */
function design(t: FeatureTable): { names: string[]; value: (k: number, i: number) => number } {
  const names: string[] = [];
  const cols: (Float64Array | Int32Array)[] = [];
  const means: number[] = [];
  const sds: number[] = [];
  for (const name of [...BASE_FEATURES, ...t.propFeatures.map((p) => `prop:${p}`)]) {
    const raw = t.columns.get(name)!;
    let n = 0;
    let sum = 0;
    for (const x of raw) if (!Number.isNaN(x)) (n++, (sum += tf(x)));
    if (!n) continue;
    const mean = sum / n;
    let ss = 0;
    for (const x of raw) if (!Number.isNaN(x)) ss += (tf(x) - mean) ** 2;
    const sd = Math.sqrt(ss / n);
    if (!(sd > 1e-9)) continue;
    names.push(name);
    cols.push(raw);
    means.push(mean);
    sds.push(sd);
  }
  return {
    names,
    value: (k, i) => {
      const x = cols[k]![i]!;
      return Number.isNaN(x) ? 0 : (tf(x) - means[k]!) / sds[k]!;
    },
  };
}

/**
 * Whether the labelled accounts look like a fair sample of all accounts: the largest gap between
 * the two distributions of unsupervised risk (Kolmogorov–Smirnov distance) is under `maxGap`. A
 * random half of accounts reviewed passes; labels given mostly to ring members (a biased sample,
 * fraud over-represented) do not.
 */
export function fairSample(unsupervised: Float64Array, target: Int8Array, maxGap = 0.1): boolean {
  const labelled: number[] = [];
  const rest: number[] = [];
  unsupervised.forEach((r, i) => {
    if (!Number.isNaN(r)) (target[i] === -1 ? rest : labelled).push(r);
  });
  if (!labelled.length || !rest.length) return labelled.length > 0;
  labelled.sort((a, b) => a - b);
  rest.sort((a, b) => a - b);
  let i = 0;
  let j = 0;
  let gap = 0;
  while (i < labelled.length && j < rest.length) {
    const x = Math.min(labelled[i]!, rest[j]!);
    while (i < labelled.length && labelled[i]! <= x) i++;
    while (j < rest.length && rest[j]! <= x) j++;
    gap = Math.max(gap, Math.abs(i / labelled.length - j / rest.length));
  }
  return gap < maxGap;
}

export function learnRisk(
  t: FeatureTable,
  input: {
    target: Int8Array;
    fold: Int8Array;
    folds: number;
    unsupervised: Float64Array;
    ringScore: Float64Array;
    closeness: Float64Array;
    directLinks: Float64Array;
    /** Whether the labelled accounts look like a fair sample of all accounts (see fairSample). */
    fairSample: boolean;
  },
  l2 = 1,
): Learned {
  const { target: y, fold } = input;
  const n = t.keys.length;
  const { names, value } = design(t);
  const allNames = [...names, 'ringScore', 'closeness', 'directLinks'];
  // One account's model inputs; into `buf` when given (scoring a million accounts allocates nothing).
  const row = (i: number, buf: Float64Array = new Float64Array(allNames.length)) => {
    const d = names.length;
    for (let k = 0; k < d; k++) buf[k] = value(k, i);
    buf[d] = input.ringScore[i]!;
    buf[d + 1] = tf(input.closeness[i]! * 1000);
    buf[d + 2] = tf(input.directLinks[i]!);
    return buf;
  };
  const scratch = new Float64Array(allNames.length);
  const labelled: number[] = [];
  for (let i = 0; i < n; i++) if (y[i] !== -1) labelled.push(i);
  const fit = (rows: number[]): LogisticModel =>
    fitLogistic(
      rows.map((i) => row(i)),
      rows.map((i) => y[i]!),
      { l2 },
    );
  const baseOdds = (rows: number[]) => logit(clampP(rows.filter((i) => y[i] === 1).length / rows.length));

  const shift = new Float64Array(n);
  const base = new Float64Array(n);
  for (let f = 0; f < input.folds; f++) {
    const train = labelled.filter((i) => fold[i] !== f);
    if (!train.length) continue;
    const m = fit(train);
    const b = baseOdds(train);
    for (const i of labelled) {
      if (fold[i] !== f) continue;
      shift[i] = logOdds(m, row(i, scratch)) - b;
      base[i] = b;
    }
  }
  const full = fit(labelled);
  const b = baseOdds(labelled);
  for (let i = 0; i < n; i++) {
    if (y[i] !== -1) continue;
    shift[i] = logOdds(full, row(i, scratch)) - b;
    base[i] = b;
  }
  const learned = Float64Array.from({ length: n }, (_, i) => sigmoid(base[i]! + shift[i]!));
  const withEvidence = Float64Array.from({ length: n }, (_, i) =>
    sigmoid(logit(clampP(input.unsupervised[i]!)) + shift[i]!),
  );
  const oof = (r: Float64Array) => labelled.map((i) => ({ score: r[i]!, fraud: y[i] === 1 }));
  const compared: Record<Combination, number> = {
    learned: round(averagePrecision(oof(learned))),
    'learned+evidence': round(averagePrecision(oof(withEvidence))),
  };
  // The model's own probability is calibrated to the labelled base rate, which says something about
  // everyone only when the labelled accounts are a fair sample of them.
  const combination: Combination =
    input.fairSample && compared.learned > compared['learned+evidence'] * 1.1 ? 'learned' : 'learned+evidence';
  const risk = combination === 'learned' ? learned : withEvidence;
  return {
    risk,
    shift,
    combination,
    weights: Object.fromEntries(allNames.map((name, k) => [name, round(full.weights[k]!)])),
    crossValidated: rankingQuality(oof(risk), FLAG_THRESHOLD),
    compared,
    topFeatures: (i) => {
      const x = row(i);
      return allNames
        .map((name, k) => ({ name, c: full.weights[k]! * x[k]! }))
        .filter((c) => c.c > 0.2)
        .sort((p, q) => q.c - p.c)
        .slice(0, 3)
        .map((c) => c.name.replace(/^prop:/, ''));
    },
  };
}
