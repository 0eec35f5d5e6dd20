// Account risk in [0, 1] with reasons. Unsupervised evidence first (feature-evidence.ts: how
// unusual each feature is in this data set), plus ring membership, combined as a noisy-or so that
// independent signals add up. With few confirmed cases, direct links to them join the noisy-or.
// With enough (labels, investigators' `confirmed-fraud` / `legit` tags, dismissed rings) a
// regularised logistic regression learns how much each feature and closeness to confirmed fraud
// (personalised PageRank, direct links) say in this data, k-fold out of fold: no labelled account
// is scored by a model or a proximity that saw its own label. The learned odds ratio then moves the
// label-free risk up or down (Bayes' rule: the model's odds over the labelled base odds), so a
// biased labelled sample does not shift the whole data set; labels enter once, through the model.
// Cost: O(features · accounts · log accounts) plus, with labels, (folds + 1) PageRank runs
// O(iterations · links) and (folds + 1) fits O(labelled · features²).
import { EVIDENCE, evidenceStrength, featureStats, type FeatureStats } from './feature-evidence.js';
import { fairSample, learnRisk, type Combination } from './risk-learning.js';
import { EdgeList, linkGraph, personalisedPageRankPicked, seedLinkWeight } from './fraud-proximity.js';
import type { FeatureTable } from './risk-features.js';
import type { RankingQuality } from './risk-metrics.js';
import type { Reason } from '../model/reasons.js';

export interface RiskOptions {
  folds?: number;
  /** Fewest confirmed frauds (and legitimate accounts) to learn weights from (default 20). */
  minPositives?: number;
  l2?: number;
}

export interface AccountRing {
  id: string;
  score: number;
  size: number;
  /** The ring's score from its structure alone, before its members' individual risk lifted it. */
  structural: number;
  /** The median member's individual risk (own features only). */
  memberMedian: number;
}

/** A member whose own evidence is under half its ring's median is unlike the ring's members. */
const UNLIKE_SHARE = 0.5;
/** An unlike member keeps this share of the ring's structural score (not the members' lift). */
const UNLIKE_WEIGHT = 0.8;

/**
 * What ring membership adds to one member's risk. The ring's full score when the member is like
 * the others; when the ring's members are individually unusual (say, they all pay seconds after
 * signing up) and this one is not, only part of the structure counts: sharing a device with a
 * ring is weaker evidence than behaving like one.
 */
export function ringContribution(ring: AccountRing, own: number): { weight: number; unlike: boolean } {
  const unlike = ring.memberMedian >= 0.2 && own < UNLIKE_SHARE * ring.memberMedian;
  return { weight: unlike ? UNLIKE_WEIGHT * ring.structural : ring.score, unlike };
}

export interface RiskModelSummary {
  mode: 'learned' | 'unsupervised';
  positives: number;
  negatives: number;
  folds: number;
  /** Out-of-fold quality on the labelled accounts (learned mode only). */
  crossValidated?: RankingQuality;
  /** Learned weight per standardised feature (learned mode only). */
  weights?: Record<string, number>;
  /** How the model became risk, and the out-of-fold PR-AUC of each way (learned mode only). */
  combination?: Combination;
  compared?: Record<Combination, number>;
  /** Whether the labelled accounts looked like a fair sample of all (learned mode only). */
  fairSample?: boolean;
}

export interface RiskResult {
  risk: Float64Array;
  reasons: Reason[][];
  /** Training label per account as used (1 fraud, 0 legit, -1 none). */
  target: Int8Array;
  model: RiskModelSummary;
}

/**
 * The reasons of an account without any, shared: most accounts have none, and an empty array each
 * held 32 MB at 1M accounts until the result was written. Frozen, so a push to it fails loudly.
 */
const NO_REASONS = Object.freeze([]) as unknown as Reason[];

const round = (x: number) => Math.round(x * 1000) / 1000;
const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const clampP = (p: number) => Math.min(0.995, Math.max(0.005, p));

/** Training target: investigators' tags win over loaded labels; dismissed rings are legitimate. */
function targets(t: FeatureTable, dismissed: Set<string>): Int8Array {
  const y = new Int8Array(t.keys.length).fill(-1);
  for (let i = 0; i < y.length; i++) {
    const tags = t.tags[i]!;
    if (tags.includes('confirmed-fraud')) y[i] = 1;
    else if (tags.includes('legit')) y[i] = 0;
    else if (t.labels[i] === 'fraud') y[i] = 1;
    else if (t.labels[i] === 'legit' || dismissed.has(t.keys[i]!)) y[i] = 0;
  }
  return y;
}

/** A stable fold per account from its key (FNV-1a), so folds do not change between runs. */
function foldOf(key: string, folds: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % folds;
}

const tf = (x: number) => Math.sign(x) * Math.log1p(Math.abs(x));

type Stats = Map<string, FeatureStats>;

function evidenceStats(t: FeatureTable): Stats {
  return new Map(EVIDENCE.map((e) => [e.feature, featureStats(t.columns.get(e.feature)!)]));
}

/**
 * One account's unsupervised evidence: noisy-or of every unusual feature. With `reasons`, each
 * feature that counted is added to it (detection's individual pass needs only the number).
 */
function evidenceOf(t: FeatureTable, stats: Stats, i: number, reasons: Reason[] | null): number {
  let keep = 1;
  for (const e of EVIDENCE) {
    const v = t.columns.get(e.feature)![i]!;
    const s = stats.get(e.feature)!;
    const rel = evidenceStrength(s, v, e.direction);
    // A missing value (NaN) has no evidence; Math.min would turn it into a NaN risk.
    const strength = e.bound && rel.strength > 0 ? Math.min(rel.strength, e.bound(v)) : rel.strength;
    if (strength <= 0) continue;
    const w = e.cap * strength;
    keep *= 1 - w;
    reasons?.push({ code: e.code, weight: round(w), detail: e.detail(v, s.median, rel.tail) });
  }
  return 1 - keep;
}

/** Each account's risk from its own features alone (no ring, no labels), and the distributions it was judged against. */
export interface AccountEvidence {
  stats: Stats;
  risk: Float64Array;
}

/** What lifts ring scores; computed once per run and handed on to computeAccountRisk. */
export function individualRisk(t: FeatureTable): AccountEvidence {
  const stats = evidenceStats(t);
  return { stats, risk: Float64Array.from({ length: t.keys.length }, (_, i) => evidenceOf(t, stats, i, null)) };
}

/** The LEARNED reason in words, by which way the model moved the risk and how fraud-like it finds the account. */
export function learnedDetail(moved: number, shift: number, positives: number, top: string[]): string {
  const cases = `the ${positives} confirmed fraud cases`;
  const odds = `odds ×${Math.exp(shift).toPrecision(2)} over the labelled base rate`;
  if (moved > 0 && shift > 0) return `looks like ${cases} (${odds})${top.length ? `, most in ${top.join(', ')}` : ''}`;
  if (moved > 0) return `the model learned from ${cases} puts it higher than its other reasons do (${odds})`;
  if (shift > 0) return `looks less like ${cases} than its other reasons say (${odds})`;
  return `unlike ${cases} (${odds})`;
}

export function computeAccountRisk(
  t: FeatureTable,
  ctx: {
    ringOf: Map<number, AccountRing>;
    /** Shared-identifier links between accounts (rarity-weighted), by table index. */
    shareLinks: EdgeList;
    dismissed: Set<string>;
    /** individualRisk(t), when the caller already has it (detection does). */
    evidence?: AccountEvidence;
  },
  opts: RiskOptions = {},
): RiskResult {
  const n = t.keys.length;
  const K = opts.folds ?? 5;
  const y = targets(t, ctx.dismissed);
  const fold = Int8Array.from(t.keys, (k) => foldOf(k, K));
  const positives = y.reduce((s, v) => s + (v === 1 ? 1 : 0), 0);
  const negatives = y.reduce((s, v) => s + (v === 0 ? 1 : 0), 0);
  const minPositives = opts.minPositives ?? 20;
  const learning = positives >= minPositives && negatives >= minPositives;

  // Links for closeness: shared identifiers (already rarity-weighted) and money/referral links, a
  // pair's weights summed and capped at 2.
  const money = new EdgeList();
  for (const l of t.moneyLinks) money.push(l.from, l.to, 0.5);
  const graph = linkGraph(n, [ctx.shareLinks, money], 2);

  // Closeness per account with its own fold's labels hidden (unlabelled accounts see every label).
  const direct = new Float64Array(n);
  const ppr = new Float64Array(n);
  if (positives > 0) {
    // f = -1: every label (for unlabelled accounts); f = 0..K-1: fold f's labels hidden.
    const folds = Array.from({ length: K + 1 }, (_, k) => k - 1);
    const seedsOf = folds.map((f) => {
      const seeds: number[] = [];
      for (let i = 0; i < n; i++) if (y[i] === 1 && fold[i] !== f) seeds.push(i);
      return seeds;
    });
    // Each account's closeness from the walk of its own fold (walk 0: every label, for unlabelled ones).
    if (positives >= minPositives)
      ppr.set(personalisedPageRankPicked(graph, seedsOf, (i) => (y[i] === -1 ? 0 : fold[i]! + 1)));
    folds.forEach((f) => {
      const d = seedLinkWeight(graph, (j) => y[j] === 1 && fold[j] !== f);
      for (let i = 0; i < n; i++) {
        const mine = y[i] === -1 ? f === -1 : fold[i] === f;
        if (mine) direct[i] = d[i]!;
      }
    });
  }

  // Unsupervised evidence. Direct links to confirmed fraud count here only when there is no model:
  // the model learns what closeness is worth (closeness, directLinks) and its odds then move this
  // risk, so counting the links here too would count the same labels twice. Twice counted, one
  // small transfer from a confirmed fraudster lifted an ordinary customer to risk 0.97.
  const evidence = ctx.evidence ?? individualRisk(t);
  const unsup = new Float64Array(n);
  const reasons: Reason[][] = [];
  for (let i = 0; i < n; i++) {
    const rs: Reason[] = [];
    const own = evidenceOf(t, evidence.stats, i, rs);
    let keep = 1 - own;
    if (!learning && direct[i]! > 0) {
      const w = 0.4 * Math.min(1, direct[i]!);
      keep *= 1 - w;
      rs.push({
        code: 'CLOSE_TO_CONFIRMED_FRAUD',
        weight: round(w),
        detail: `linked to confirmed fraud through shared identifiers or money (link weight ${round(direct[i]!)})`,
      });
    }
    const ring = ctx.ringOf.get(i);
    if (ring) {
      const { weight, unlike } = ringContribution(ring, own);
      keep *= 1 - weight;
      rs.push({
        code: 'RING_MEMBER',
        weight: round(weight),
        detail:
          `member of ring ${ring.id} (${ring.size} accounts, score ${ring.score.toFixed(2)})` +
          (unlike
            ? `, but unlike most members (own risk ${own.toFixed(2)}, median member ${ring.memberMedian.toFixed(2)})`
            : ''),
      });
    }
    unsup[i] = 1 - keep;
    reasons.push(rs.length ? rs : NO_REASONS);
  }

  const model: RiskModelSummary = { mode: 'unsupervised', positives, negatives, folds: K };
  const risk = Float64Array.from(unsup);
  if (learning) {
    const fair = fairSample(unsup, y);
    const learned = learnRisk(
      t,
      {
        target: y,
        fold,
        folds: K,
        unsupervised: unsup,
        ringScore: Float64Array.from({ length: n }, (_, i) => ctx.ringOf.get(i)?.score ?? 0),
        closeness: ppr,
        directLinks: direct,
        fairSample: fair,
      },
      opts.l2,
    );
    for (let i = 0; i < n; i++) {
      risk[i] = learned.risk[i]!;
      const shift = learned.shift[i]!;
      // What the model moved, so the reasons explain the risk: negative when it puts the account
      // lower than the other reasons do (the risk may be the model's own probability); left out when
      // it moved nothing (the risk was already 1, or the model agrees).
      const moved = round(risk[i]! - unsup[i]!);
      if (moved === 0) continue;
      if (reasons[i] === NO_REASONS) reasons[i] = [];
      reasons[i]!.push({
        code: 'LEARNED',
        weight: moved,
        detail: learnedDetail(moved, shift, positives, moved > 0 && shift > 0 ? learned.topFeatures(i) : []),
      });
    }
    model.mode = 'learned';
    model.combination = learned.combination;
    model.compared = learned.compared;
    model.fairSample = fair;
    model.weights = learned.weights;
    model.crossValidated = learned.crossValidated;
  }
  for (let i = 0; i < n; i++) {
    risk[i] = round(risk[i]!);
    if (reasons[i]!.length > 1) reasons[i]!.sort((a, b) => b.weight - a.weight);
  }
  return { risk, reasons, target: y, model };
}
