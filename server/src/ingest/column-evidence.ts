// Evidence that a column holds a canonical field, from its header and from its values, each scored
// 0..1 and explained in words. Header evidence: an exact synonym (`ip_address`), or a word of the
// header that is a known abbreviation (`src_addr`, `did`, `ts`, `amt`). Value evidence: the shapes
// of a sample (value-shapes.ts). Neither wins by itself: the plan (plan.ts) adds cross-file
// evidence and chooses. Pure.
import { FIELDS, SYNONYMS, type Field } from './fields.js';
import { INTEL_TYPES } from './table-effects.js';
import type { ColumnProfile, Shape } from './value-shapes.js';

export interface Evidence {
  field: Field;
  score: number;
  why: string;
}

export const squash = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The words of a header: `srcAddr`, `src_addr`, `SRC-ADDR` → ['src', 'addr']. */
export function headerWords(h: string): string[] {
  return h
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Header words (not whole headers) that suggest a field; weaker than a synonym. */
const WORDS: [Field, (w: string[]) => boolean][] = [
  [
    'ip',
    (w) =>
      w.includes('ip') ||
      (w.includes('addr') && w.some((x) => ['src', 'dst', 'remote', 'client', 'peer', 'host'].includes(x))),
  ],
  [
    'device',
    (w) => w.some((x) => ['did', 'dev', 'device', 'fp', 'fingerprint', 'imei', 'udid', 'hwid', 'idfa'].includes(x)),
  ],
  ['email', (w) => w.some((x) => ['email', 'mail', 'eml'].includes(x))],
  ['phone', (w) => w.some((x) => ['phone', 'tel', 'mobile', 'msisdn', 'cell'].includes(x))],
  ['time', (w) => w.some((x) => ['ts', 'time', 'date', 'timestamp', 'dt', 'when', 'at', 'datetime'].includes(x))],
  ['amount', (w) => w.some((x) => ['amt', 'amount', 'price', 'total', 'sum', 'value', 'paid'].includes(x))],
  ['card', (w) => w.some((x) => ['card', 'pan', 'cc'].includes(x))],
  ['label', (w) => w.some((x) => ['fraud', 'label', 'class', 'target', 'cls', 'fraudulent', 'verdict'].includes(x))],
  ['status', (w) => w.some((x) => ['status', 'result', 'outcome', 'decision', 'res'].includes(x))],
  ['referrer', (w) => w.some((x) => ['referrer', 'inviter', 'referredby', 'invitedby', 'sponsor'].includes(x))],
  ['seller', (w) => w.some((x) => ['seller', 'merchant', 'shop', 'store', 'vendor'].includes(x))],
  [
    'toAccount',
    (w) =>
      w.some((x) => ['payee', 'recipient', 'receiver', 'beneficiary', 'counterparty', 'cpty'].includes(x)) ||
      // `dest`, `nameDest`: the receiving side, unless it is a network address or port.
      (w.some((x) => ['dest', 'destination'].includes(x)) &&
        !w.some((x) => ['ip', 'addr', 'host', 'port', 'url', 'country', 'city'].includes(x))) ||
      (w.some((x) => ['to', 'dst', 'dest'].includes(x)) &&
        w.some((x) => ['user', 'uid', 'account', 'acct', 'member', 'customer'].includes(x))),
  ],
  ['address', (w) => w.some((x) => ['address', 'addr', 'street', 'ship', 'shipto'].includes(x))],
  ['userAgent', (w) => w.some((x) => ['ua', 'agent', 'useragent'].includes(x))],
  ['path', (w) => w.some((x) => ['path', 'endpoint', 'url', 'uri', 'route'].includes(x))],
  ['method', (w) => w.some((x) => ['method', 'verb'].includes(x))],
  ['orderId', (w) => w.some((x) => ['order', 'txn', 'tx', 'transaction', 'oid'].includes(x))],
  [
    'account',
    (w) =>
      w.some((x) =>
        [
          'uid',
          'user',
          'member',
          'customer',
          'cust',
          'acct',
          'account',
          'buyer',
          'payer',
          'sender',
          'login',
          'orig',
          'origin',
        ].includes(x),
      ),
  ],
  ['country', (w) => w.some((x) => ['country', 'cc', 'geo'].includes(x))],
];

export function nameEvidence(header: string): Evidence[] {
  const out: Evidence[] = [];
  const sq = squash(header);
  for (const field of FIELDS) {
    const i = SYNONYMS[field].indexOf(sq);
    // Earlier synonyms are more typical: a tiny tie-break between two exact matches.
    if (i >= 0) out.push({ field, score: 0.9 - i * 0.001, why: `header '${header}' is a name for ${field}` });
  }
  const words = headerWords(header);
  for (const [field, test] of WORDS) {
    if (out.some((e) => e.field === field)) continue;
    if (test(words)) out.push({ field, score: 0.55, why: `header word in '${header}' suggests ${field}` });
  }
  return out;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** What the sampled values say, one score per field they fit. */
export function valueEvidence(p: ColumnProfile): Evidence[] {
  const out: Evidence[] = [];
  if (p.filled === 0) return out;
  const sh = (s: Shape) => p.shares[s] ?? 0;
  const add = (field: Field, score: number, why: string) => {
    if (score >= 0.3) out.push({ field, score, why });
  };
  const ip = Math.max(sh('ipv4'), sh('ipv6'), sh('ipInteger'));
  const ipKind =
    sh('ipInteger') > Math.max(sh('ipv4'), sh('ipv6')) ? 'IPv4 integers' : sh('ipv6') > sh('ipv4') ? 'IPv6' : 'IPv4';
  add('ip', ip * 0.9, `${pct(ip)} of values are ${ipKind}`);
  add('email', sh('email') * 0.9, `${pct(sh('email'))} of values are emails`);
  add('phone', sh('phone') * 0.85, `${pct(sh('phone'))} of values are phone numbers`);
  add('userAgent', sh('userAgent') * 0.9, `${pct(sh('userAgent'))} of values are user agents`);
  add('path', sh('apiPath') * 0.85, `${pct(sh('apiPath'))} of values are URL paths`);
  add('method', sh('httpMethod') * 0.9, `${pct(sh('httpMethod'))} of values are HTTP methods`);
  const time = Math.max(sh('isoTime'), sh('dateTime'), sh('epochTime'));
  const timeKind = sh('epochTime') >= time ? 'epoch times' : sh('isoTime') >= time ? 'ISO times' : 'dates/times';
  add('time', time * 0.85, `${pct(time)} of values are ${timeKind}`);
  add('address', sh('address') * 0.8, `${pct(sh('address'))} of values are street addresses`);
  add('cardExpiry', sh('expiry') * 0.85, `${pct(sh('expiry'))} of values are card expiry dates (MM/YY)`);
  // BINs and last-4s repeat; a column of different six-digit numbers in every row is an id.
  if (sh('cardBin') > 0.95 && p.distinctRatio < 0.5) add('cardBin', 0.5, 'six-digit numbers (card BINs)');
  if (sh('last4') > 0.95 && p.distinct > 20 && p.distinctRatio < 0.5)
    add('cardLast4', 0.45, 'four-digit numbers (card last 4)');
  if (sh('binaryLabel') > 0.98 && p.distinct <= 2)
    add('label', 0.7, `two values (${p.examples.join('/')}) that read as fraud/legit`);
  if (sh('statusWord') > 0.6) add('status', sh('statusWord') * 0.8, `outcome words (${p.examples.join(', ')})`);
  const numeric = Math.max(sh('amount'), sh('decimal'));
  if (sh('amount') > 0.9 && (sh('decimal') > 0.3 || p.distinctRatio < 0.9) && !p.category && sh('integerId') < 0.5)
    add('amount', 0.6 * numeric, `${pct(sh('amount'))} of values are amounts`);
  const idLike = Math.max(sh('hexId'), sh('uuid'), sh('tokenId'), sh('integerId'));
  if (
    idLike > 0.9 &&
    !p.category &&
    !p.sequential &&
    ip < 0.5 &&
    sh('email') < 0.5 &&
    time < 0.5 &&
    sh('phone') < 0.5
  ) {
    const kind =
      sh('uuid') > 0.9 ? 'UUIDs' : sh('hexId') > 0.9 ? 'hex ids' : sh('integerId') > 0.9 ? 'numeric ids' : 'id tokens';
    // Hex and UUID ids are what device fingerprints look like; any id can be an account.
    if (sh('hexId') > 0.9 || sh('uuid') > 0.9) add('device', 0.5, `${kind} (device-like)`);
    add('account', 0.35, kind);
  }
  if (p.category && /^[A-Z]{2}$/.test(p.examples[0] ?? '')) add('country', 0.5, 'two-letter codes');
  // Intel feeds and API asset tables, by their values.
  const all = [...p.values];
  const share = (test: (v: string) => boolean) => all.filter(test).length / Math.max(1, all.length);
  const types = share((v) => v.toLowerCase() in INTEL_TYPES);
  if (types > 0.95 && p.category) add('indicatorType', 0.8, `indicator types (${p.examples.join(', ')})`);
  const levels = share((v) => /^(low|medium|high|critical|none|public|internal|confidential|restricted)$/i.test(v));
  if (levels > 0.95) add('sensitivity', 0.7, `sensitivity levels (${p.examples.join(', ')})`);
  if (sh('list') > 0.3 && !p.category) add('tags', 0.4, 'lists (a;b)');
  if (
    (sh('integer') > 0.95 || sh('decimal') > 0.95) &&
    all.every((v) => Number(v) >= 0 && Number(v) <= 100) &&
    p.distinct <= 101
  )
    add('confidence', 0.35, 'scores from 0 to 100');
  return out;
}

/** Is the column an opaque id (what accounts, devices and cards look like)? */
export function isIdLike(p: ColumnProfile): boolean {
  const sh = (s: Shape) => p.shares[s] ?? 0;
  const other = Math.max(
    sh('ipv4'),
    sh('ipv6'),
    sh('ipInteger'),
    sh('isoTime'),
    sh('dateTime'),
    sh('epochTime'),
    sh('phone'),
  );
  return (
    Math.max(sh('hexId'), sh('uuid'), sh('tokenId'), sh('integerId'), sh('email')) > 0.9 &&
    other < 0.5 &&
    !p.category &&
    !p.sequential
  );
}

const SHORT_KEY = /^[A-Za-z0-9][A-Za-z0-9_:.@-]{0,63}$/;

/**
 * Short keys (`u1`, `17`, `a-9`): too short to pass for ids by their values alone, but ids when a
 * header names them (`to_user`, `payer_id`). Not categories, times, decimals or plain words.
 */
export function isShortKey(p: ColumnProfile): boolean {
  const sh = (s: Shape) => p.shares[s] ?? 0;
  if (p.filled === 0 || p.category || sh('decimal') > 0.1 || sh('words') > 0.5) return false;
  if (Math.max(sh('isoTime'), sh('dateTime'), sh('epochTime'), sh('ipv4'), sh('ipv6'), sh('phone')) > 0.5) return false;
  let keys = 0;
  let seen = 0;
  for (const v of p.values) {
    if (seen++ >= 2000) break;
    if (SHORT_KEY.test(v)) keys++;
  }
  return keys / Math.min(seen, 2000) >= 0.95;
}
