// Value shapes of a column, from a sample of its values: what share looks like an IPv4/IPv6 address
// or an IPv4 integer, an email, a phone number, a hex or UUID id, an epoch or ISO time, an amount,
// a label, a category… The plan weighs these as much as header names: a column of 24-hex-digit
// values next to a user and an IP is a device whatever it is called. Pure; cost O(sample size).
import ipaddr from 'ipaddr.js';
import { parseTime } from '../model/normalise/time.js';
import { FRAUD_WORDS, LEGIT_WORDS } from './row-values.js';

export const SHAPES = [
  'ipv4',
  'ipv6',
  'ipInteger',
  'email',
  'phone',
  'uuid',
  'hexId',
  'tokenId',
  'integerId',
  'epochTime',
  'isoTime',
  'dateTime',
  'amount',
  'integer',
  'decimal',
  'binaryLabel',
  'statusWord',
  'userAgent',
  'apiPath',
  'httpMethod',
  'address',
  'cardBin',
  'last4',
  'expiry',
  'list',
  'words',
] as const;
export type Shape = (typeof SHAPES)[number];

export interface ColumnProfile {
  /** Non-empty values sampled. */
  filled: number;
  /** Share of sampled rows where the column was empty. */
  emptyShare: number;
  distinct: number;
  /** distinct / filled: 1 when every value is different (a key), small for categories. */
  distinctRatio: number;
  /** Share of the non-empty values of each shape (a value can have several). */
  shares: Partial<Record<Shape, number>>;
  /** The shape with the largest share, if any reaches half of the values. */
  main: Shape | undefined;
  /** Low-cardinality text or numbers: at most 30 distinct values seen many times each. */
  category: boolean;
  /** A common prefix of the values (`u_`, `emu-`) when they all have one. */
  prefix: string;
  /** Consecutive-ish integers, one per row: a row number, not an id of anything. */
  sequential: boolean;
  /** A few distinct values, for the plan's evidence. */
  examples: string[];
  /** The distinct values (capped), for matching columns of different files. */
  values: Set<string>;
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
const STATUS_WORDS =
  /^(paid|success|succeeded|approved|captured|complete|completed|settled|ok|declined|decline|rejected|failed|fail|failure|denied|refund|refunded|chargeback|disputed|pending|cancel(l)?ed|error|blocked|locked|invalid)$/i;
const STREET = /\b(st|street|rd|road|ave|avenue|lane|ln|drive|dr|blvd|way|court|ct|place|pl|square|sq|apt|suite)\b\.?/i;
const EPOCH_S = [946_684_800, 2_208_988_800]; // 2000 … 2040
const MAX_DISTINCT_KEPT = 50_000;
const SHAPE_SAMPLE = 2000;

function shapesOf(v: string): Shape[] {
  const s: Shape[] = [];
  const lower = v.toLowerCase();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v)) s.push('ipv4');
  else if (/^[0-9a-f:]+(%\w+)?$/i.test(v) && ipaddr.IPv6.isValid(v.replace(/%.*$/, ''))) s.push('ipv6');
  if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v)) s.push('email');
  const digits = v.replace(/\D/g, '');
  if (/^\+?[\d\s().-]{7,22}$/.test(v) && /[+()\s-]/.test(v) && digits.length >= 7 && digits.length <= 15)
    s.push('phone');
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) s.push('uuid');
  // Hex ids: long enough not to be a word, with both letters and digits (or a prefix then hex).
  const hexPart = v.replace(/^[a-z]{1,8}[-_]/i, '');
  if (/^[0-9a-f]{12,64}$/i.test(hexPart) && /[a-f]/i.test(hexPart) && /\d/.test(hexPart)) s.push('hexId');
  if (/^[A-Za-z0-9][A-Za-z0-9_:.-]{3,63}$/.test(v) && !/^\d+(\.\d+)?$/.test(v) && !v.includes('..')) s.push('tokenId');
  if (/^\d{5,19}$/.test(v)) s.push('integerId');
  if (/^-?\d+$/.test(v)) s.push('integer');
  if (/^-?\d*\.\d+$/.test(v)) s.push('decimal');
  if (/^[$€£¥]?\s?-?\d{1,9}([.,]\d{1,2})?$/.test(v) && !/^0\d/.test(v)) s.push('amount');
  if (/^\d{6}$/.test(v)) s.push('cardBin');
  if (/^\d{4}$/.test(v)) s.push('last4');
  if (/^(0[1-9]|1[0-2])\/(\d{2}|\d{4})$/.test(v)) s.push('expiry');
  if (/^\d{9,10}(\.\d+)?$|^\d{12,13}$/.test(v)) {
    const n = Number(v);
    const sec = n > 1e11 ? n / 1000 : n;
    if (sec >= EPOCH_S[0]! && sec <= EPOCH_S[1]!) s.push('epochTime');
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(v) && parseTime(v) !== undefined) s.push('isoTime');
  else if (/[/:-]/.test(v) && !/^\d+$/.test(v) && parseTime(v) !== undefined) s.push('dateTime');
  if (/^\d+(\.\d+)?$/.test(v) && !/^\d{1,3}(\.\d{1,3}){3}$/.test(v)) {
    const n = Math.floor(Number(v));
    if (n >= 16_777_216 && n <= 0xffffffff) s.push('ipInteger');
  }
  if (FRAUD_WORDS.has(lower) || LEGIT_WORDS.has(lower)) s.push('binaryLabel');
  if (STATUS_WORDS.test(v)) s.push('statusWord');
  if (/^(Mozilla|Opera|Dalvik|curl|python|okhttp)\/|^[\w.-]+\/\d[\w.]* \(/i.test(v)) s.push('userAgent');
  if (/^(\/[\w{}.:%-]*)+(\?.*)?$/.test(v) && v.length > 1) s.push('apiPath');
  if (HTTP_METHODS.has(lower)) s.push('httpMethod');
  if (/\d/.test(v) && /[a-z]{3,}/i.test(v) && /\s/.test(v) && STREET.test(v)) s.push('address');
  if (/^[^;|]+([;|][^;|]+)+$/.test(v)) s.push('list');
  if (/^[A-Za-z][A-Za-z ._-]*$/.test(v)) s.push('words');
  return s;
}

function commonPrefix(values: string[]): string {
  if (values.length === 0) return '';
  let p = values[0]!.match(/^[A-Za-z]{1,8}[-_]/)?.[0] ?? '';
  for (const v of values) if (p && !v.startsWith(p)) p = '';
  return p;
}

const isEmpty = (v: string) => v === '' || /^(null|nan|none|n\/a)$/i.test(v);

/** The profile of one column from its sampled values (empty strings count as empty rows). */
export function profileColumn(raw: string[]): ColumnProfile {
  const values = raw.map((v) => v.trim()).filter((v) => !isEmpty(v));
  const counts = new Map<Shape, number>();
  const distinct = new Set<string>();
  for (const v of values) if (distinct.size < MAX_DISTINCT_KEPT) distinct.add(v);
  // Shapes from the first values only: enough to tell, and regex tests are the cost here.
  const shaped = values.slice(0, SHAPE_SAMPLE);
  for (const v of shaped) for (const s of shapesOf(v)) counts.set(s, (counts.get(s) ?? 0) + 1);
  const filled = values.length;
  const shares: ColumnProfile['shares'] = {};
  for (const [s, n] of counts) shares[s] = n / shaped.length;
  // IPv4 integers span the address space; ids and amounts that happen to be that large do not.
  if ((shares.ipInteger ?? 0) > 0) {
    const nums = shaped.map((v) => Math.floor(Number(v))).filter((n) => Number.isFinite(n));
    const min = Math.min(...nums);
    const max = Math.max(...nums);
    const distinctShaped = new Set(shaped).size;
    if (max - min < 0x10000000 || distinctShaped < shaped.length * 0.5) delete shares.ipInteger;
  }
  // Epoch times cluster in a few years; IPv4 integers do not.
  if ((shares.epochTime ?? 0) > 0 && (shares.ipInteger ?? 0) > 0) delete shares.epochTime;
  let main: Shape | undefined;
  for (const s of SHAPES) if ((shares[s] ?? 0) >= 0.5 && (main === undefined || shares[s]! > shares[main]!)) main = s;
  const distinctRatio = filled === 0 ? 0 : distinct.size / filled;
  const prefix = commonPrefix(values.slice(0, 200));
  let sequential = false;
  if ((shares.integer ?? 0) === 1 && distinct.size === filled && filled > 20) {
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) {
      const n = Number(v);
      if (n < min) min = n;
      if (n > max) max = n;
    }
    sequential = max - min + 1 <= filled * 1.5;
  }
  return {
    filled,
    emptyShare: raw.length === 0 ? 1 : 1 - filled / raw.length,
    distinct: distinct.size,
    distinctRatio,
    shares,
    main,
    sequential,
    // Few distinct ids (a handful of sellers) are still ids, not categories.
    category:
      filled >= 20 &&
      distinct.size <= 30 &&
      distinct.size <= filled / 4 &&
      !((shares.hexId ?? 0) > 0.5 || (shares.uuid ?? 0) > 0.5 || (prefix !== '' && (shares.tokenId ?? 0) > 0.9)),
    prefix,
    examples: [...distinct].slice(0, 3),
    values: distinct,
  };
}

/** Share of a column's values found in a set of known values (e.g. another file's accounts). */
export function overlap(profile: ColumnProfile, known: Set<string>): number {
  if (profile.values.size === 0 || known.size === 0) return 0;
  let hit = 0;
  for (const v of profile.values) if (known.has(v)) hit++;
  return hit / profile.values.size;
}
