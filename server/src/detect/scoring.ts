// Scores a candidate ring in [0, 1] from its members' behaviour, with one reason per signal: each
// reason is one function below (RING_REASONS), and the score is the sum of their weights, capped.
// Sharing identifiers alone scores low (households, offices and kiosks share too); what lifts a
// ring is what operators cannot easily hide: intel hits, sign-up bursts, tools, payment failures,
// chargebacks and refunds, abuse of sensitive APIs, money moving between members.
import type { SharedIdentifier, SoftLinkKind } from './account-graph.js';
import type { Reason } from '../model/reasons.js';
import { DAY, HOUR, MINUTE } from '../model/time-units.js';
import type { MemberLinks } from './ring-members.js';
import { STRONG_LABELS } from './weights.js';

export interface AccountFeatures {
  key: string;
  registered: number | null;
  proxyIps: number;
  smsPhones: number;
  tools: string[];
  apis: { api: string; count: number; sensitivity: string | null; controls: string[] }[];
  declines: number;
  chargebacks: number;
  refunds: number;
  payments: number;
  failures: number;
}

export interface ScoreContext {
  /** Share of all accounts that called each API (the baseline for API abuse). */
  apiBaseline: Map<string, number>;
  /** Tools that are cheating tools or emulators (from the Tool catalogue and intel). */
  fraudTools: Set<string>;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : /(s|x|sh|ch)$/.test(word) ? 'es' : 's'}`;

const LABEL_WORDS: Record<string, string> = {
  PaymentMethod: 'payment method',
  Device: 'device',
  Phone: 'phone',
  Email: 'email',
  Address: 'address',
  IP: 'IP',
};

/** The largest number of members registered within `windowMs` of each other, and that window's span. */
function densestWindow(times: number[], windowMs: number): { count: number; spanMs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  let best = { count: 0, spanMs: 0 };
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi]! - sorted[lo]! > windowMs) lo++;
    if (hi - lo + 1 > best.count) best = { count: hi - lo + 1, spanMs: sorted[hi]! - sorted[lo]! };
  }
  return best;
}

function describeSpan(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} min`;
  if (ms < 48 * HOUR) return `${Math.round(ms / HOUR)} h`;
  return `${Math.round(ms / DAY)} days`;
}

/** What every reason function sees: the members, what they share, and the data set's baselines. */
export interface RingEvidence {
  members: AccountFeatures[];
  shared: SharedIdentifier[];
  soft: Map<SoftLinkKind, number>;
  ctx: ScoreContext;
  links: MemberLinks;
}

type ReasonRule = (e: RingEvidence) => Reason | Reason[] | null;

const count = (e: RingEvidence, pred: (m: AccountFeatures) => boolean) => e.members.filter(pred).length;
const sum = (e: RingEvidence, f: (m: AccountFeatures) => number) => e.members.reduce((s, m) => s + f(m), 0);

/** Identifiers two or more members share; strong kinds (card, device, phone) weigh more. */
export function sharedIdentifiers({ members, shared }: RingEvidence): Reason | null {
  if (!shared.length) return null;
  const strong = shared.filter((s) => STRONG_LABELS.has(s.label));
  const byLabel = new Map<string, number>();
  for (const s of shared) byLabel.set(s.label, (byLabel.get(s.label) ?? 0) + 1);
  const parts = [...byLabel.entries()].map(([l, c]) => plural(c, LABEL_WORDS[l] ?? l.toLowerCase()));
  const strongKinds = new Set(strong.map((s) => s.label)).size;
  return {
    code: 'SHARED_IDENTIFIERS',
    weight: round(strong.length ? 0.1 + 0.05 * Math.min(2, strongKinds) : 0.05),
    detail: `${members.length} accounts share ${parts.join(', ')}`,
  };
}

/** At least 30% of members used proxy or datacenter IPs that intel flags. */
export function proxyIps(e: RingEvidence): Reason | null {
  const n = e.members.length;
  const proxy = count(e, (m) => m.proxyIps > 0);
  if (proxy / n < 0.3) return null;
  return {
    code: 'PROXY_IPS',
    weight: round(0.3 * (proxy / n)),
    detail: `${proxy} of ${n} accounts used proxy or datacenter IPs flagged by intel`,
  };
}

/** At least 30% of members registered with SMS-platform or virtual numbers. */
export function smsPhones(e: RingEvidence): Reason | null {
  const n = e.members.length;
  const sms = count(e, (m) => m.smsPhones > 0);
  if (sms / n < 0.3) return null;
  return {
    code: 'SMS_PLATFORM_PHONES',
    weight: round(0.25 * (sms / n)),
    detail: `${sms} of ${n} accounts registered with SMS-platform / virtual numbers`,
  };
}

/**
 * Half the members or more registered within 72 hours. Two people signing up together (a couple,
 * flatmates) is not a burst: three or more is, or two sign-ups within two minutes of each other
 * (faster than a person fills in the form twice).
 */
export function registrationBurst({ members }: RingEvidence): Reason | null {
  const n = members.length;
  const times = members.map((m) => m.registered).filter((t): t is number => t !== null);
  if (times.length < 2) return null;
  const burst = densestWindow(times, 72 * HOUR);
  const pair = burst.count === 2 && densestWindow(times, 2 * MINUTE).count === 2;
  if (!((burst.count >= 3 || pair) && burst.count / n >= 0.5)) return null;
  return {
    code: 'REGISTRATION_BURST',
    weight: round(0.25 * (burst.count / n)),
    detail: `${burst.count} of ${n} accounts registered within ${describeSpan(burst.spanMs)}`,
  };
}

/** At least 30% of members ran cheating tools or emulators. */
export function tools(e: RingEvidence): Reason | null {
  const n = e.members.length;
  const isTool = (t: string) => e.ctx.fraudTools.has(t);
  const users = count(e, (m) => m.tools.some(isTool));
  if (users / n < 0.3) return null;
  const names = [...new Set(e.members.flatMap((m) => m.tools.filter(isTool)))];
  return {
    code: 'TOOLS',
    weight: round(0.3 * (users / n)),
    detail: `${users} of ${n} accounts ran ${names.join(', ')}`,
  };
}

/**
 * Three or more declines making up 30% of payments; full weight from 8 declines (a family card
 * declined three times is weak evidence, card testing declines dozens of times).
 */
export function declines(e: RingEvidence): Reason | null {
  const payments = sum(e, (m) => m.payments);
  const declined = sum(e, (m) => m.declines);
  if (declined < 3 || declined / Math.max(1, payments) < 0.3) return null;
  return {
    code: 'DECLINES',
    weight: round(0.25 * Math.min(1, declined / 8)),
    detail: `${declined} of ${payments} payments declined (${Math.round((100 * declined) / payments)}%)`,
  };
}

/** At least 30% of members have chargebacks. */
export function chargebacks(e: RingEvidence): Reason | null {
  const n = e.members.length;
  const cb = count(e, (m) => m.chargebacks > 0);
  if (cb / n < 0.3) return null;
  return { code: 'CHARGEBACKS', weight: round(0.3 * (cb / n)), detail: `${cb} of ${n} accounts have chargebacks` };
}

/** Two or more refunds making up a quarter of payments. */
export function refunds(e: RingEvidence): Reason | null {
  const payments = sum(e, (m) => m.payments);
  const refunded = sum(e, (m) => m.refunds);
  if (refunded < 2 || refunded / Math.max(1, payments) < 0.25) return null;
  return { code: 'REFUNDS', weight: 0.2, detail: `${refunded} of ${payments} payments refunded` };
}

/** Half the members or more had failed logins. */
export function failedLogins(e: RingEvidence): Reason | null {
  const n = e.members.length;
  const failed = count(e, (m) => m.failures > 0);
  if (failed / n < 0.5) return null;
  return {
    code: 'FAILED_LOGINS',
    weight: 0.15,
    detail: `${failed} of ${n} accounts had failed logins from the shared kit`,
  };
}

/** A sensitive API half the members call, at five times the share of all accounts that do. */
export function apiAbuse(e: RingEvidence): Reason | null {
  const n = e.members.length;
  let best: { api: string; users: number; base: number } | undefined;
  const apiUsers = new Map<string, number>();
  for (const m of e.members) {
    const sensitive = m.apis.filter((x) => x.sensitivity === 'high' || x.sensitivity === 'critical');
    for (const a of new Set(sensitive.map((x) => x.api))) apiUsers.set(a, (apiUsers.get(a) ?? 0) + 1);
  }
  for (const [api, users] of apiUsers) {
    const base = e.ctx.apiBaseline.get(api) ?? 0;
    if (users / n < 0.5 || users / n < 5 * base) continue;
    // Ties go to the rarer API, then by name: the detail must not depend on the members' order.
    if (
      !best ||
      users > best.users ||
      (users === best.users && (base < best.base || (base === best.base && api < best.api)))
    )
      best = { api, users, base };
  }
  if (!best) return null;
  return {
    code: 'API_ABUSE',
    weight: 0.25,
    detail: `${best.users} of ${n} accounts called ${best.api} (${(best.base * 100).toFixed(1)}% of all accounts do)`,
  };
}

/** Half the members or more refer, pay or buy from each other: links among members only. */
export function accountLinks({ members, links }: RingEvidence): Reason | null {
  const n = members.length;
  if (links.linkedMembers / n < 0.5) return null;
  return {
    code: 'ACCOUNT_LINKS',
    weight: round(0.15 * (links.linkedMembers / n)),
    detail: `${links.linkedMembers} of ${n} accounts refer, pay or buy from each other (${plural(links.links, 'link')} among members)`,
  };
}

const SOFT_WORDS: Record<SoftLinkKind, string> = {
  SEQUENTIAL_PHONES: 'hold phone numbers from one block',
  EMAIL_PATTERN: 'use emails of one pattern registered together',
  IP_REGISTRATION_BURST: 'registered through one IP within an hour',
};

/** Soft links (phone blocks, email patterns, IP sign-up bursts) between two or more members. */
export function softLinks({ soft }: RingEvidence): Reason[] {
  const out: Reason[] = [];
  for (const [kind, n] of soft) {
    if (n >= 2) out.push({ code: kind, weight: 0.1, detail: `${n} accounts ${SOFT_WORDS[kind]}` });
  }
  return out;
}

export const RING_REASONS: ReasonRule[] = [
  sharedIdentifiers,
  proxyIps,
  smsPhones,
  registrationBurst,
  tools,
  declines,
  chargebacks,
  refunds,
  failedLogins,
  apiAbuse,
  accountLinks,
  softLinks,
];

export function scoreRing(
  members: AccountFeatures[],
  shared: SharedIdentifier[],
  soft: Map<SoftLinkKind, number>,
  ctx: ScoreContext,
  links: MemberLinks = { linkedMembers: 0, links: 0, counterparties: 0 },
): { score: number; reasons: Reason[] } {
  const evidence: RingEvidence = { members, shared, soft, ctx, links };
  const reasons = RING_REASONS.flatMap((rule) => rule(evidence) ?? []);
  const score = round(
    Math.min(
      1,
      reasons.reduce((s, r) => s + r.weight, 0),
    ),
  );
  reasons.sort((a, b) => b.weight - a.weight);
  return { score, reasons };
}
