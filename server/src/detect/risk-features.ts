// Per-account raw features for account risk, read in one streamed pass over all accounts (split
// into key ranges that Neo4j reads in parallel) plus one over account-to-account money links:
// identifier fan-out and rarity-weighted sharing, velocity
// (sign-up to first payment, transfer or purchase), bursts of new identifiers and payees, order
// outcomes, money flow (sent/received, fan-in/out, pass-through, short cycles), intel hits, and
// numeric account properties loaded by a mapping. Neo4j sums each account's identifier links
// (account-risk-features.cypher), so only numbers cross the wire. Cost: O(accounts + relationships)
// time and O(accounts × features) memory (Float64Array columns).
import type { Database } from '../db/database.js';
import { RESERVED_ACCOUNT_PROPS } from '../model/account-props.js';
import { BENIGN_TAGS, FRAUD_TOOL_CATEGORIES, PROXY_TAGS, RISKY_TAGS, SMS_TAGS } from '../model/tags.js';
import { DAY } from '../model/time-units.js';
import { STRONG_LABELS } from './weights.js';

/** The relationship from an account to each kind of identifier (every kind, so any of them can be strong). */
const REL_OF_LABEL: Record<string, string> = {
  Device: 'USED_DEVICE',
  PaymentMethod: 'PAID_WITH',
  Phone: 'HAS_PHONE',
  Email: 'HAS_EMAIL',
  Address: 'SHIPS_TO',
  IP: 'USED_IP',
};
/** The features account-risk-features.cypher sums per account, in the order of its `counts` list. */
const SUMMED_IN_CYPHER = [
  'cards',
  'devices',
  'phones',
  'emails',
  'addresses',
  'ips',
  'sharedStrong',
  'sharedWeak',
  'payments',
  'orderAmount',
  'declines',
  'chargebacks',
  'refunds',
  'failures',
  'proxyIps',
  'smsPhones',
  'fraudTools',
] as const;

/** The features worked out in Node: bursts, velocity and activity per row, money flow after the transfer pass. */
const FROM_ROWS_AND_LINKS = [
  'identifierBurst',
  'velocitySeconds',
  'activeDays',
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
] as const;

/** The fixed features every log can give (zero where a log lacks the signal). */
export const BASE_FEATURES = [...SUMMED_IN_CYPHER, ...FROM_ROWS_AND_LINKS] as const;
export type BaseFeature = (typeof BASE_FEATURES)[number];

/**
 * One value per account. A column whose values are all whole numbers in 32-bit range (counts, most
 * of the table) is kept as an Int32Array: the same values in half the memory (compactColumns).
 */
export type Column = Float64Array | Int32Array;

export interface FeatureTable {
  keys: string[];
  index: Map<string, number>;
  /** Feature name → one value per account (NaN where it does not apply, e.g. velocity without a sign-up time). */
  columns: Map<string, Column>;
  /** Names of numeric account properties found (each is also a column, prefixed `prop:`). */
  propFeatures: string[];
  labels: ('fraud' | 'legit' | null)[];
  /** Registration time per account (epoch ms; NaN where the logs gave none). */
  registered: Float64Array;
  tags: string[][];
  /** Account-to-account links: money (transfers, purchases) and referrals, by account index. */
  moneyLinks: { from: number; to: number; amount: number; count: number; type: string }[];
}

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

/** Accounts read in one range before the table is split into parallel key ranges. */
const RANGE_MIN_ACCOUNTS = 50_000;
/**
 * Key ranges read at once: Neo4j answers each on its own core. Two, for the two cores measured here
 * (the account graph and candidate members' tools are read beside them).
 */
const RANGES = 2;

/** One key range's rows, as read; ranges are joined in key-range order so the table does not depend on timing. */
interface RangeRows {
  keys: string[];
  labels: FeatureTable['labels'];
  tags: string[][];
  summed: number[][];
  perRow: number[][];
  registered: number[];
  firstPayment: number[];
  /** Property name → [row in this range, value]. */
  props: Map<string, [number, number][]>;
}

/** [from, to) key bounds splitting the accounts into `parts` ranges of about equal size (null: open). */
async function keyRanges(db: Database, parts: number, splitFrom: number): Promise<[string | null, string | null][]> {
  const total = Number((await db.read('admin/store-counts', {}, { timeoutMs: 0 }))[0]?.accounts ?? 0);
  if (parts < 2 || total < splitFrom) return [[null, null]];
  const pivots: string[] = [];
  for (let k = 1; k < parts; k++) {
    const [row] = await db.read('detect/account-key-at', { skip: Math.floor((k * total) / parts) }, { timeoutMs: 0 });
    if (row && (pivots.length === 0 || String(row.key) > pivots.at(-1)!)) pivots.push(String(row.key));
  }
  const bounds = [null, ...pivots, null];
  return bounds.slice(0, -1).map((from, k) => [from, bounds[k + 1]!]);
}

/** Where the per-account table is summed: the launcher's procedure, or the Cypher statement. */
export type FeatureEngine = 'db' | 'cypher';

export interface ReadOptions {
  /** Key ranges read at once (default RANGES). */
  ranges?: number;
  /** Fewest accounts to split the read at all (default RANGE_MIN_ACCOUNTS). */
  splitFrom?: number;
  /** Where the per-account sums are worked out (default 'cypher'; detection picks 'db' when offered). */
  engine?: FeatureEngine;
}

/** One account's values, from either source. */
interface AccountValues {
  key: string;
  label: unknown;
  tags: string[];
  /** SUMMED_IN_CYPHER, in order. */
  summed: ArrayLike<number>;
  summedAt: number;
  registered: number | null;
  firstSeen: number | null;
  lastSeen: number | null;
  firstOrder: number | null;
  firstPayment: number | null;
  referredOut: number;
  referredIn: number;
  identifierBurst: number;
  numeric: [string, number][];
}

/** The fields of each account in a chunk of account-risk-features-in-db (AccountRiskFeatures.FIELDS). */
const CHUNK_FIELDS = [
  ...SUMMED_IN_CYPHER,
  'registered',
  'firstSeen',
  'lastSeen',
  'firstOrder',
  'firstPayment',
  'referredOut',
  'referredIn',
  'identifierBurst',
] as const;
const AT = Object.fromEntries(CHUNK_FIELDS.map((f, i) => [f, i])) as Record<(typeof CHUNK_FIELDS)[number], number>;

/** The tags of an account without any, shared (an empty list each held 32 MB at 1M accounts). */
const NO_TAGS = Object.freeze([]) as unknown as string[];

function addAccount(part: RangeRows, v: AccountValues): void {
  const i = part.keys.length;
  part.keys.push(v.key);
  part.labels.push(v.label === 'fraud' || v.label === 'legit' ? v.label : null);
  part.tags.push(v.tags.length ? v.tags : NO_TAGS);
  for (let k = 0; k < part.summed.length; k++) part.summed[k]!.push(Number(v.summed[v.summedAt + k]));
  let firstPay = v.firstOrder === null ? Infinity : v.firstOrder;
  if (v.firstPayment !== null) firstPay = Math.min(firstPay, v.firstPayment);
  const first = v.registered ?? v.firstSeen;
  const own: Partial<Record<BaseFeature, number>> = {
    identifierBurst: v.identifierBurst,
    referredOut: v.referredOut,
    referredIn: v.referredIn,
    activeDays: first !== null && v.lastSeen !== null ? (v.lastSeen - first) / DAY : 0,
  };
  // Money flow, payee bursts and velocity are filled in after the transfer pass.
  FROM_ROWS_AND_LINKS.forEach((k, c) => part.perRow[c]!.push(own[k] ?? 0));
  part.registered.push(v.registered === null ? NaN : v.registered);
  part.firstPayment.push(firstPay);
  for (const [name, value] of v.numeric) {
    let col = part.props.get(name);
    if (!col) part.props.set(name, (col = []));
    col.push([i, value]);
  }
}

const orNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const timeOrNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** One record of account-risk-features.cypher. */
function fromCypherRow(row: Record<string, unknown>): AccountValues {
  return {
    key: String(row.key),
    label: row.label,
    tags: (row.tags as string[]) ?? [],
    summed: row.counts as number[],
    summedAt: 0,
    registered: orNull(row.registered),
    firstSeen: orNull(row.firstSeen),
    lastSeen: orNull(row.lastSeen),
    firstOrder: orNull(row.firstOrder),
    firstPayment: orNull(row.firstPayment),
    referredOut: Number(row.referredOut),
    referredIn: Number(row.referredIn),
    identifierBurst: maxWithin(row.idTimes as number[], DAY),
    numeric: (row.numeric as [string, unknown][]).map(([k, v]) => [k, Number(v)]),
  };
}

/** A chunk's numbers: little-endian 64-bit floats as base64 text (see AccountRiskFeatures.Chunk). */
function decodeNumbers(text: string): Float64Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 8 !== 0)
    throw new Error(`a chunk of account features holds ${bytes.length} bytes, not whole numbers`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const out = new Float64Array(bytes.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * 8, true);
  return out;
}

/** The accounts of one record of account-risk-features-in-db, in order. */
function* fromChunk(row: Record<string, unknown>): Generator<AccountValues> {
  const fields = row.fields as string[];
  if (fields.length !== CHUNK_FIELDS.length || fields.some((f, i) => f !== CHUNK_FIELDS[i]))
    throw new Error(
      `the database's ringscope.accountRiskFeatures sends [${fields.join(', ')}], this ringscope reads ` +
        `[${CHUNK_FIELDS.join(', ')}]: install the plugin built from this checkout (npm run build:neo4j) or run detect --engine cypher`,
    );
  const keys = row.keys as string[];
  const numbers = decodeNumbers(String(row.numbers));
  const numeric = new Map<number, [string, number][]>();
  for (const [at, name, value] of row.numeric as [number, string, number][]) {
    let list = numeric.get(Number(at));
    if (!list) numeric.set(Number(at), (list = []));
    list.push([name, Number(value)]);
  }
  const width = CHUNK_FIELDS.length;
  if (numbers.length !== keys.length * width)
    throw new Error(
      `a chunk of ${keys.length} accounts' features holds ${numbers.length} numbers, not ${keys.length * width}`,
    );
  for (let i = 0; i < keys.length; i++) {
    const at = i * width;
    yield {
      key: String(keys[i]),
      label: (row.labels as unknown[])[i],
      tags: (row.tags as string[][])[i] ?? [],
      summed: numbers,
      summedAt: at,
      registered: timeOrNull(numbers[at + AT.registered]!),
      firstSeen: timeOrNull(numbers[at + AT.firstSeen]!),
      lastSeen: timeOrNull(numbers[at + AT.lastSeen]!),
      firstOrder: timeOrNull(numbers[at + AT.firstOrder]!),
      firstPayment: timeOrNull(numbers[at + AT.firstPayment]!),
      referredOut: numbers[at + AT.referredOut]!,
      referredIn: numbers[at + AT.referredIn]!,
      identifierBurst: numbers[at + AT.identifierBurst]!,
      numeric: numeric.get(i) ?? [],
    };
  }
}

export async function readRiskFeatures(db: Database, opts: ReadOptions = {}): Promise<FeatureTable> {
  // Strong identifiers (and e-mail) share like an operator's own; addresses and IPs weakly.
  const strongTypes = [...STRONG_LABELS, 'Email'].map((l) => REL_OF_LABEL[l]!);
  const inDb = opts.engine === 'db';
  const params = {
    benignTags: BENIGN_TAGS,
    riskyTags: RISKY_TAGS,
    proxyTags: PROXY_TAGS,
    smsTags: SMS_TAGS,
    toolCategories: FRAUD_TOOL_CATEGORIES,
    strongTypes,
    notFeatures: RESERVED_ACCOUNT_PROPS,
    ...(inDb ? { burstWindowMs: DAY } : {}),
  };
  const ranges = await keyRanges(db, opts.ranges ?? RANGES, opts.splitFrom ?? RANGE_MIN_ACCOUNTS);
  const parts = await Promise.all(
    ranges.map(async ([from, to]) => {
      const part: RangeRows = {
        keys: [],
        labels: [],
        tags: [],
        summed: SUMMED_IN_CYPHER.map(() => []),
        perRow: FROM_ROWS_AND_LINKS.map(() => []),
        registered: [],
        firstPayment: [],
        props: new Map(),
      };
      await db.stream(
        inDb ? 'detect/account-risk-features-in-db' : 'detect/account-risk-features',
        { ...params, from, to },
        inDb
          ? (row) => {
              for (const v of fromChunk(row)) addAccount(part, v);
            }
          : (row) => addAccount(part, fromCypherRow(row)),
        { timeoutMs: 0 },
      );
      return part;
    }),
  );

  // Join the ranges in order.
  const keys = parts.flatMap((p) => p.keys);
  const index = new Map<string, number>();
  keys.forEach((k, i) => index.set(k, i));
  const labels = parts.flatMap((p) => p.labels);
  const tags = parts.flatMap((p) => p.tags);
  const registered = parts.flatMap((p) => p.registered);
  const firstPayment = parts.flatMap((p) => p.firstPayment);
  const n = keys.length;
  const columns = new Map<string, Column>();
  // Each range's column is let go once copied, so the table is not held twice while joining. The
  // summed columns, which nothing changes later, go straight to 32-bit where they can
  // (compactColumns), without a 64-bit copy first; the others are written below (money flow,
  // payee bursts, velocity) and stay 64-bit until the table is complete.
  const join = (name: string, of: (p: RangeRows) => number[][], c: number, final: boolean) => {
    const whole = final && parts.every((p) => of(p)[c]!.every(isWhole32));
    const col = whole ? new Int32Array(n) : new Float64Array(n);
    let at = 0;
    for (const p of parts) {
      col.set(of(p)[c]!, at);
      of(p)[c] = [];
      at += p.keys.length;
    }
    columns.set(name, col);
  };
  SUMMED_IN_CYPHER.forEach((k, c) => join(k, (p) => p.summed, c, true));
  FROM_ROWS_AND_LINKS.forEach((k, c) => join(k, (p) => p.perRow, c, false));
  const props = new Map<string, Map<number, number>>();
  let offset = 0;
  for (const part of parts) {
    for (const [name, entries] of part.props) {
      let col = props.get(name);
      if (!col) props.set(name, (col = new Map()));
      for (const [i, v] of entries) col.set(offset + i, v);
    }
    offset += part.keys.length;
  }
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
  compactColumns(columns);
  return { keys, index, columns, propFeatures, labels, registered: Float64Array.from(registered), tags, moneyLinks };
}

const isWhole32 = (v: number) => (v | 0) === v && !Object.is(v, -0);

/**
 * Keeps each column that holds only whole numbers in 32-bit range (no NaN, no -0) as an Int32Array:
 * every value reads back the same, so every score is the same, and the table's counts take half the
 * memory (at 1M accounts about 4 MB less per such column, while the table is live through account
 * risk, the step with detection's peak RSS). Done once the table is complete: nothing writes to it after.
 */
export function compactColumns(columns: Map<string, Column>): void {
  for (const [name, col] of columns) {
    if (col instanceof Int32Array) continue;
    let whole = true;
    for (let i = 0; i < col.length && whole; i++) whole = isWhole32(col[i]!);
    if (whole) columns.set(name, Int32Array.from(col));
  }
}

/** Sent/received counts and amounts, distinct payees/payers, pass-through, short cycles, payee bursts. */
function addMoneyFlow(n: number, links: FeatureTable['moneyLinks'], columns: Map<string, Column>): void {
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
