// Unsupervised evidence: how unusual each account's features are in THIS data set. Every feature
// with a known suspicious direction is compared with its own distribution over all accounts, two
// ways: a robust z-score on log(1 + value) (median and MAD, so a far-off cluster stands out even
// when it is 5% of accounts, like bots that buy a second after signing up) and the tail share
// (how few accounts are at least this extreme, so rare events such as chargebacks count). The
// stronger of the two becomes a strength in [0, 1], times the feature's cap: weak signals are capped
// below 0.5 so one alone never flags an account. Cost: O(features · accounts · log accounts).

export interface EvidenceSpec {
  feature: string;
  code: string;
  /** 1: higher is more suspicious; -1: lower is (velocity). */
  direction: 1 | -1;
  /** The most this feature alone adds to an account's risk. */
  cap: number;
  /** The detail text for a value, with the data set's median for comparison. */
  detail: (value: number, median: number, tailShare: number) => string;
  /**
   * An upper bound in [0, 1] on the strength that does not depend on the data set, where the
   * feature has a physical scale (how fast a person can act); absent: no bound.
   */
  bound?: (value: number) => number;
}

/**
 * How far a sign-up-to-payment time is below human speed: 1 at a minute or less (a script), 0 at
 * an hour or more (a person who signed up and shopped), log-linear between. Unusual-but-human
 * speed (a purchase two hours after signing up, in a data set whose median is two months) is
 * rare, yet not what bots do.
 */
export function belowHumanSpeed(seconds: number): number {
  if (Number.isNaN(seconds)) return 0;
  const fast = 60;
  const human = 3600;
  return Math.min(1, Math.max(0, Math.log(human / Math.max(seconds, fast)) / Math.log(human / fast)));
}

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 10) / 10));
const pct = (q: number) => (q < 0.001 ? '<0.1%' : `${Math.round(q * 1000) / 10}%`);
const duration = (s: number) =>
  s < 120
    ? `${Math.round(s)} s`
    : s < 7200
      ? `${Math.round(s / 60)} min`
      : s < 172_800
        ? `${Math.round(s / 3600)} h`
        : `${Math.round(s / 86_400)} days`;
const count = (word: string) => (v: number, med: number, q: number) =>
  `${fmt(v)} ${word} (top ${pct(q)} of accounts; median ${fmt(med)})`;

export const EVIDENCE: EvidenceSpec[] = [
  {
    feature: 'velocitySeconds',
    code: 'FAST_FIRST_PAYMENT',
    direction: -1,
    cap: 0.6,
    detail: (v, med) => `paid ${duration(v)} after signing up (median ${duration(med)})`,
    bound: belowHumanSpeed,
  },
  { feature: 'cards', code: 'MANY_CARDS', direction: 1, cap: 0.35, detail: count('payment methods') },
  { feature: 'devices', code: 'MANY_DEVICES', direction: 1, cap: 0.25, detail: count('devices') },
  { feature: 'phones', code: 'MANY_PHONES', direction: 1, cap: 0.25, detail: count('phones') },
  { feature: 'emails', code: 'MANY_EMAILS', direction: 1, cap: 0.2, detail: count('emails') },
  { feature: 'ips', code: 'MANY_IPS', direction: 1, cap: 0.1, detail: count('IPs') },
  {
    feature: 'sharedStrong',
    code: 'RARE_SHARED_IDENTIFIERS',
    direction: 1,
    cap: 0.2,
    detail: (v, med, q) =>
      `shares cards, devices or phones with few others (weight ${fmt(v)}, top ${pct(q)}; median ${fmt(med)})`,
  },
  {
    feature: 'identifierBurst',
    code: 'IDENTIFIER_BURST',
    direction: 1,
    cap: 0.3,
    detail: (v, med, q) =>
      `${fmt(v)} cards, devices or phones added within one day (top ${pct(q)}; median ${fmt(med)})`,
  },
  {
    feature: 'declines',
    code: 'DECLINES',
    direction: 1,
    cap: 0.3,
    detail: count('declined payments'),
  },
  { feature: 'chargebacks', code: 'CHARGEBACKS', direction: 1, cap: 0.45, detail: count('chargebacks') },
  { feature: 'refunds', code: 'REFUNDS', direction: 1, cap: 0.15, detail: count('refunds') },
  { feature: 'failures', code: 'FAILED_LOGINS', direction: 1, cap: 0.15, detail: count('failed logins') },
  {
    feature: 'sentAmount',
    code: 'SENDS_MUCH',
    direction: 1,
    cap: 0.2,
    detail: (v, med, q) => `sent ${fmt(v)} in total (top ${pct(q)}; median ${fmt(med)})`,
  },
  { feature: 'fanIn', code: 'FAN_IN', direction: 1, cap: 0.25, detail: count('distinct payers') },
  { feature: 'fanOut', code: 'FAN_OUT', direction: 1, cap: 0.2, detail: count('distinct payees') },
  {
    feature: 'passThrough',
    code: 'PASS_THROUGH',
    direction: 1,
    cap: 0.4,
    detail: (v, med, q) => `passed on ${fmt(v)} of the money it received (top ${pct(q)}; median ${fmt(med)})`,
  },
  {
    feature: 'cycles',
    code: 'MONEY_CYCLES',
    direction: 1,
    cap: 0.25,
    detail: count('money cycles of two or three hops'),
  },
  { feature: 'payeeBurst', code: 'PAYEE_BURST', direction: 1, cap: 0.2, detail: count('new payees within one day') },
  { feature: 'proxyIps', code: 'PROXY_IPS', direction: 1, cap: 0.2, detail: count('proxy or datacenter IPs') },
  { feature: 'smsPhones', code: 'SMS_PLATFORM_PHONES', direction: 1, cap: 0.2, detail: count('SMS-platform numbers') },
  { feature: 'fraudTools', code: 'TOOLS', direction: 1, cap: 0.3, detail: count('cheating tools or emulators') },
];

export interface FeatureStats {
  median: number;
  /** Robust scale of log(1 + value): 1.4826·MAD, floored. */
  scale: number;
  /**
   * The values for tail shares, NaN excluded: their distinct values ascending with, in `atOrBelow`,
   * how many values are at or below each. Kept apart only where values repeat enough to be worth it
   * (counts, mostly zero: at 1M accounts each feature's 8 MB sorted copy became a few kilobytes);
   * without `atOrBelow`, `values` is every value sorted.
   */
  values: Float64Array;
  atOrBelow?: Uint32Array;
  count: number;
}

const tf = (x: number) => Math.sign(x) * Math.log1p(Math.abs(x));

const mid = (a: ArrayLike<number>) =>
  a.length % 2 ? a[(a.length - 1) >> 1]! : (a[a.length / 2 - 1]! + a[a.length / 2]!) / 2;

/**
 * The median absolute deviation from `m` of sorted values `s` (m their median), without sorting
 * the deviations: they fall on both sides of the median in two already sorted runs, merged outward
 * from the middle until the middle deviation is reached. O(n) where a sort of a million values per
 * feature was the costliest part of detection's evidence pass.
 */
export function medianDeviation(s: ArrayLike<number>, m: number): number {
  const n = s.length;
  let right = 0;
  while (right < n && s[right]! < m) right++;
  let left = right - 1;
  const [lo, hi] = n % 2 ? [(n - 1) >> 1, (n - 1) >> 1] : [n / 2 - 1, n / 2];
  let a = 0;
  let b = 0;
  for (let k = 0; k <= hi; k++) {
    const dl = left >= 0 ? m - s[left]! : Infinity;
    const dr = right < n ? s[right]! - m : Infinity;
    const d = dl < dr ? (left--, dl) : (right++, dr);
    if (k === lo) a = d;
    if (k === hi) b = d;
  }
  return (a + b) / 2;
}

export function featureStats(values: Float64Array | Int32Array): FeatureStats {
  // Counted then copied: TypedArray filter collects the kept values as boxed numbers first (at 1M
  // accounts, tens of MB of garbage per feature in the step with the peak).
  let kept = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) kept++;
  const present = new Float64Array(kept);
  for (let i = 0, k = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) present[k++] = values[i]!;
  present.sort();
  const count = present.length;
  if (!count) return { median: 0, scale: 1, values: present, count };
  // log(1 + x) keeps the order, so the transformed values are sorted too.
  const t = present.map(tf);
  const scale = Math.max(1.4826 * medianDeviation(t, mid(t)), 0.5);
  const median = mid(present);
  let distinct = 1;
  for (let i = 1; i < count; i++) if (present[i] !== present[i - 1]) distinct++;
  if (distinct * 2 > count) return { median, scale, values: present, count };
  const unique = new Float64Array(distinct);
  const atOrBelow = new Uint32Array(distinct);
  let d = 0;
  for (let i = 0; i < count; i++) {
    if (i > 0 && present[i] !== present[i - 1]) d++;
    unique[d] = present[i]!;
    atOrBelow[d] = i + 1;
  }
  return { median, scale, values: unique, atOrBelow, count };
}

/** Share of accounts at least as extreme as `v` in the suspicious direction. */
export function tailShare(stats: FeatureStats, v: number, direction: 1 | -1): number {
  const s = stats.values;
  // The first distinct value above v (direction -1) or at or above it (1); how many values lie before it.
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (direction === 1 ? s[m]! < v : s[m]! <= v) lo = m + 1;
    else hi = m;
  }
  const before = lo === 0 ? 0 : stats.atOrBelow ? stats.atOrBelow[lo - 1]! : lo;
  return direction === 1 ? (stats.count - before) / stats.count : before / stats.count;
}

/** Strength in [0, 1] of one value's evidence: the stronger of robust z and tail rarity. */
export function evidenceStrength(
  stats: FeatureStats,
  v: number,
  direction: 1 | -1,
): { strength: number; tail: number } {
  if (Number.isNaN(v)) return { strength: 0, tail: 1 };
  const z = (direction * (tf(v) - tf(stats.median))) / stats.scale;
  if (z <= 0) return { strength: 0, tail: 1 };
  const tail = tailShare(stats, v, direction);
  const fromZ = Math.min(1, Math.max(0, (z - 3) / 3));
  // Rare from 1% of accounts on, full strength at 0.03%; never for values most accounts share.
  const fromTail = tail > 0.2 ? 0 : Math.min(1, Math.max(0, (-Math.log10(Math.max(tail, 1e-9)) - 2) / 1.5));
  return { strength: Math.max(fromZ, fromTail), tail };
}
