// Per-account raw features for account risk, read in one streamed pass over all accounts plus one
// over account-to-account money links: identifier fan-out and rarity-weighted sharing, velocity
// (sign-up to first payment, transfer or purchase), bursts of new identifiers and payees, order
// outcomes, money flow (sent/received, fan-in/out, pass-through, short cycles), intel hits, and
// numeric account properties loaded by a mapping. Cost: O(accounts + relationships) time and
// O(accounts × features) memory (Float64Array columns).
import type { Database } from '../db/database.js';
import { BENIGN_TAGS, RISKY_TAGS } from '../model/tags.js';
import { DAY } from '../model/time-units.js';
import { STRONG_LABELS } from './weights.js';

const REL_LABEL: Record<string, string> = {
  USED_DEVICE: 'Device',
  PAID_WITH: 'PaymentMethod',
  HAS_PHONE: 'Phone',
  HAS_EMAIL: 'Email',
  SHIPS_TO: 'Address',
  USED_IP: 'IP',
};
const PROXY_TAGS = new Set(['proxy', 'datacenter', 'tor', 'vpn']);
const SMS_TAGS = new Set(['sms-platform', 'virtual-number']);
const TOOL_CATEGORIES = new Set(['emulator', 'automation', 'group-control', 'anti-detect', 'scripting']);

/** The fixed features every log can give (zero where a log lacks the signal). */
export const BASE_FEATURES = [
  'cards',
  'devices',
  'phones',
  'emails',
  'addresses',
  'ips',
  'sharedStrong',
  'sharedWeak',
  'identifierBurst',
  'velocitySeconds',
  'activeDays',
  'payments',
  'orderAmount',
  'declines',
  'chargebacks',
  'refunds',
  'failures',
  'sentCount',
  'sentAmount',
  'receivedCount',
  'receivedAmount',
  'fanOut',
  'fanIn',
  'passThrough',
  'cycles',
  'payeeBurst',
  'referredOut',
  'referredIn',
  'proxyIps',
  'smsPhones',
  'fraudTools',
] as const;
export type BaseFeature = (typeof BASE_FEATURES)[number];

export interface FeatureTable {
  keys: string[];
  index: Map<string, number>;
  /** Feature name → one value per account (NaN where it does not apply, e.g. velocity without a sign-up time). */
  columns: Map<string, Float64Array>;
  /** Names of numeric account properties found (each is also a column, prefixed `prop:`). */
  propFeatures: string[];
  labels: ('fraud' | 'legit' | null)[];
  tags: string[][];
  /** Account-to-account links: money (transfers, purchases) and referrals, by account index. */
  moneyLinks: { from: number; to: number; amount: number; count: number; type: string }[];
}

type Link = [string, number, number | null, string[], number, number, number, number, number, number];

function maxWithin(times: number[], windowMs: number): number {
  if (!times.length) return 0;
  const s = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < s.length; hi++) {
    while (s[hi]! - s[lo]! > windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

export async function readRiskFeatures(db: Database): Promise<FeatureTable> {
  const keys: string[] = [];
  const index = new Map<string, number>();
  const values = new Map<string, number[]>(BASE_FEATURES.map((f) => [f, []]));
  const props = new Map<string, Map<number, number>>();
  const labels: FeatureTable['labels'] = [];
  const tags: string[][] = [];
  const firstPayment: number[] = [];
  const registered: number[] = [];
  const benign = new Set(BENIGN_TAGS);
  const risky = new Set(RISKY_TAGS);
  await db.stream(
    'detect/account-risk-features',
    {},
    (row) => {
      const i = keys.length;
      keys.push(String(row.key));
      index.set(String(row.key), i);
      const label = row.label === 'fraud' || row.label === 'legit' ? row.label : null;
      labels.push(label);
      tags.push((row.tags as string[]) ?? []);
      const f: Record<BaseFeature, number> = Object.fromEntries(BASE_FEATURES.map((k) => [k, 0])) as Record<
        BaseFeature,
        number
      >;
      const idTimes: number[] = [];
      let firstPay = row.firstOrder === null ? Infinity : Number(row.firstOrder);
      for (const l of row.links as Link[]) {
        const [type, degree, first, idTags, count, amount, declines, chargebacks, refunds, failures] = l;
        const label = REL_LABEL[type] ?? type;
        const deg = Number(degree);
        if (label === 'PaymentMethod') f.cards++;
        else if (label === 'Device') f.devices++;
        else if (label === 'Phone') f.phones++;
        else if (label === 'Email') f.emails++;
        else if (label === 'Address') f.addresses++;
        else if (label === 'IP') f.ips++;
        if (deg >= 2 && !idTags.some((t) => benign.has(t))) {
          const rarity = (1 / Math.log2(1 + deg)) * (idTags.some((t) => risky.has(t)) ? 1.5 : 1);
          if (STRONG_LABELS.has(label) || label === 'Email') f.sharedStrong += rarity;
          else f.sharedWeak += rarity;
        }
        if (first !== null && label !== 'IP' && label !== 'Address') idTimes.push(Number(first));
        if (label === 'PaymentMethod') {
          f.payments += Number(count);
          f.orderAmount += Number(amount);
          f.declines += Number(declines);
          f.chargebacks += Number(chargebacks);
          f.refunds += Number(refunds);
          if (first !== null && Number(amount) > 0) firstPay = Math.min(firstPay, Number(first));
        }
        f.failures += Number(failures);
        if (label === 'IP' && idTags.some((t) => PROXY_TAGS.has(t))) f.proxyIps++;
        if (label === 'Phone' && idTags.some((t) => SMS_TAGS.has(t))) f.smsPhones++;
      }
      for (const t of row.purchases as (number | null)[]) if (t !== null) firstPay = Math.min(firstPay, Number(t));
      for (const [, category, toolTags] of row.tools as [string, string, string[]][]) {
        if (TOOL_CATEGORIES.has(category) || toolTags.includes('fraud-tool')) f.fraudTools++;
      }
      f.identifierBurst = maxWithin(idTimes, DAY);
      f.referredOut = Number(row.referredOut);
      f.referredIn = Number(row.referredIn);
      const first = row.registered ?? row.firstSeen;
      f.activeDays = first !== null && row.lastSeen !== null ? (Number(row.lastSeen) - Number(first)) / DAY : 0;
      registered.push(row.registered === null ? NaN : Number(row.registered));
      firstPayment.push(firstPay);
      for (const k of BASE_FEATURES) values.get(k)!.push(f[k]);
      for (const [name, v] of row.numeric as [string, number][]) {
        let col = props.get(name);
        if (!col) props.set(name, (col = new Map()));
        col.set(i, Number(v));
      }
    },
    { timeoutMs: 0 },
  );

  const n = keys.length;
  const columns = new Map<string, Float64Array>();
  for (const k of BASE_FEATURES) columns.set(k, Float64Array.from(values.get(k)!));
  const moneyLinks: FeatureTable['moneyLinks'] = [];
  const payeeTimes = new Map<number, number[]>();
  await db.stream(
    'detect/account-transfers',
    {},
    (row) => {
      const from = index.get(String(row.from));
      const to = index.get(String(row.to));
      if (from === undefined || to === undefined || from === to) return;
      const link = { from, to, amount: Number(row.amount), count: Number(row.count), type: String(row.type) };
      moneyLinks.push(link);
      if (link.type !== 'REFERRED' && row.first !== null) {
        firstPayment[from] = Math.min(firstPayment[from]!, Number(row.first));
        let times = payeeTimes.get(from);
        if (!times) payeeTimes.set(from, (times = []));
        times.push(Number(row.first));
      }
    },
    { timeoutMs: 0 },
  );
  addMoneyFlow(n, moneyLinks, columns);
  const payeeBurst = columns.get('payeeBurst')!;
  for (const [i, times] of payeeTimes) payeeBurst[i] = maxWithin(times, DAY);
  const velocity = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = (firstPayment[i]! - registered[i]!) / 1000;
    velocity[i] = Number.isFinite(v) && v >= 0 ? v : NaN;
  }
  columns.set('velocitySeconds', velocity);
  const propFeatures = [...props.keys()].sort();
  for (const name of propFeatures) {
    const col = new Float64Array(n).fill(NaN);
    for (const [i, v] of props.get(name)!) col[i] = v;
    columns.set(`prop:${name}`, col);
  }
  return { keys, index, columns, propFeatures, labels, tags, moneyLinks };
}

/** Sent/received counts and amounts, distinct payees/payers, pass-through, short cycles, payee bursts. */
function addMoneyFlow(n: number, links: FeatureTable['moneyLinks'], columns: Map<string, Float64Array>): void {
  const col = (k: BaseFeature) => columns.get(k)!;
  const out: Set<number>[] = [];
  for (const l of links) {
    if (l.type === 'REFERRED') continue;
    col('sentCount')[l.from]! += l.count;
    col('sentAmount')[l.from]! += l.amount;
    col('receivedCount')[l.to]! += l.count;
    col('receivedAmount')[l.to]! += l.amount;
    col('fanOut')[l.from]!++;
    col('fanIn')[l.to]!++;
    (out[l.from] ??= new Set()).add(l.to);
  }
  for (let i = 0; i < n; i++) {
    col('passThrough')[i] = Math.min(col('sentAmount')[i]!, col('receivedAmount')[i]!);
    const mine = out[i];
    if (!mine) continue;
    // Money that comes back within two or three hops (capped per account: hubs are not cycles).
    let cycles = 0;
    let budget = 2000;
    for (const b of mine) {
      const ob = out[b];
      if (!ob) continue;
      if (ob.has(i)) cycles++;
      for (const c of ob) {
        if (--budget < 0) break;
        if (c !== i && out[c]?.has(i)) cycles++;
      }
    }
    col('cycles')[i] = cycles;
  }
}
