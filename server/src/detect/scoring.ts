// Scores a candidate ring in [0, 1] from its members' behaviour, with one reason per signal.
// Sharing identifiers alone scores low (households, offices and kiosks share too); what lifts a
// ring is what operators cannot easily hide: intel hits, sign-up bursts, tools, payment failures,
// chargebacks and refunds, abuse of sensitive APIs, money moving between members.
import type { SharedIdentifier, SoftLinkKind } from './account-graph.js';
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

export interface Reason {
  code: string;
  weight: number;
  detail: string;
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

export function scoreRing(
  members: AccountFeatures[],
  shared: SharedIdentifier[],
  soft: Map<SoftLinkKind, number>,
  ctx: ScoreContext,
  links: MemberLinks = { linkedMembers: 0, links: 0, counterparties: 0 },
): { score: number; reasons: Reason[] } {
  const n = members.length;
  const reasons: Reason[] = [];
  const frac = (pred: (m: AccountFeatures) => boolean) => members.filter(pred).length;

  const strong = shared.filter((s) => STRONG_LABELS.has(s.label));
  if (shared.length) {
    const byLabel = new Map<string, number>();
    for (const s of shared) byLabel.set(s.label, (byLabel.get(s.label) ?? 0) + 1);
    const parts = [...byLabel.entries()].map(([l, c]) => plural(c, LABEL_WORDS[l] ?? l.toLowerCase()));
    const strongKinds = new Set(strong.map((s) => s.label)).size;
    reasons.push({
      code: 'SHARED_IDENTIFIERS',
      weight: round(strong.length ? 0.1 + 0.05 * Math.min(2, strongKinds) : 0.05),
      detail: `${n} accounts share ${parts.join(', ')}`,
    });
  }

  const proxy = frac((m) => m.proxyIps > 0);
  if (proxy / n >= 0.3) {
    reasons.push({
      code: 'PROXY_IPS',
      weight: round(0.3 * (proxy / n)),
      detail: `${proxy} of ${n} accounts used proxy or datacenter IPs flagged by intel`,
    });
  }
  const sms = frac((m) => m.smsPhones > 0);
  if (sms / n >= 0.3) {
    reasons.push({
      code: 'SMS_PLATFORM_PHONES',
      weight: round(0.25 * (sms / n)),
      detail: `${sms} of ${n} accounts registered with SMS-platform / virtual numbers`,
    });
  }

  const times = members.map((m) => m.registered).filter((t): t is number => t !== null);
  if (times.length >= 2) {
    const burst = densestWindow(times, 72 * HOUR);
    // Two people signing up together (a couple, flatmates) is not a burst: three or more is, or two
    // sign-ups within two minutes of each other (faster than a person fills in the form twice).
    const pair = burst.count === 2 && densestWindow(times, 2 * MINUTE).count === 2;
    if ((burst.count >= 3 || pair) && burst.count / n >= 0.5) {
      reasons.push({
        code: 'REGISTRATION_BURST',
        weight: round(0.25 * (burst.count / n)),
        detail: `${burst.count} of ${n} accounts registered within ${describeSpan(burst.spanMs)}`,
      });
    }
  }

  const toolUsers = frac((m) => m.tools.some((t) => ctx.fraudTools.has(t)));
  if (toolUsers / n >= 0.3) {
    const names = [...new Set(members.flatMap((m) => m.tools.filter((t) => ctx.fraudTools.has(t))))];
    reasons.push({
      code: 'TOOLS',
      weight: round(0.3 * (toolUsers / n)),
      detail: `${toolUsers} of ${n} accounts ran ${names.join(', ')}`,
    });
  }

  const payments = members.reduce((s, m) => s + m.payments, 0);
  const declines = members.reduce((s, m) => s + m.declines, 0);
  if (declines >= 3 && declines / Math.max(1, payments) >= 0.3) {
    // Full weight from 8 declines: a family card declined three times is weak evidence, card
    // testing declines dozens of times.
    reasons.push({
      code: 'DECLINES',
      weight: round(0.25 * Math.min(1, declines / 8)),
      detail: `${declines} of ${payments} payments declined (${Math.round((100 * declines) / payments)}%)`,
    });
  }
  const cb = frac((m) => m.chargebacks > 0);
  if (cb / n >= 0.3) {
    reasons.push({
      code: 'CHARGEBACKS',
      weight: round(0.3 * (cb / n)),
      detail: `${cb} of ${n} accounts have chargebacks`,
    });
  }
  const refunds = members.reduce((s, m) => s + m.refunds, 0);
  if (refunds >= 2 && refunds / Math.max(1, payments) >= 0.25) {
    reasons.push({ code: 'REFUNDS', weight: 0.2, detail: `${refunds} of ${payments} payments refunded` });
  }
  const failed = frac((m) => m.failures > 0);
  if (failed / n >= 0.5) {
    reasons.push({
      code: 'FAILED_LOGINS',
      weight: 0.15,
      detail: `${failed} of ${n} accounts had failed logins from the shared kit`,
    });
  }

  // APIs this ring calls far more often than the population does.
  let bestApi: { api: string; users: number; base: number } | undefined;
  const apiUsers = new Map<string, number>();
  for (const m of members) {
    for (const a of new Set(
      m.apis.filter((x) => x.sensitivity === 'high' || x.sensitivity === 'critical').map((x) => x.api),
    )) {
      apiUsers.set(a, (apiUsers.get(a) ?? 0) + 1);
    }
  }
  for (const [api, users] of apiUsers) {
    const base = ctx.apiBaseline.get(api) ?? 0;
    if (users / n >= 0.5 && users / n >= 5 * base && (!bestApi || users > bestApi.users))
      bestApi = { api, users, base };
  }
  if (bestApi) {
    reasons.push({
      code: 'API_ABUSE',
      weight: 0.25,
      detail: `${bestApi.users} of ${n} accounts called ${bestApi.api} (${(bestApi.base * 100).toFixed(1)}% of all accounts do)`,
    });
  }

  // Only links between members count: paying outsiders is what every account does.
  if (links.linkedMembers / n >= 0.5) {
    reasons.push({
      code: 'ACCOUNT_LINKS',
      weight: round(0.15 * (links.linkedMembers / n)),
      detail: `${links.linkedMembers} of ${n} accounts refer, pay or buy from each other (${plural(links.links, 'link')} among members)`,
    });
  }
  const softWords: Record<SoftLinkKind, string> = {
    SEQUENTIAL_PHONES: 'hold phone numbers from one block',
    EMAIL_PATTERN: 'use emails of one pattern registered together',
    IP_REGISTRATION_BURST: 'registered through one IP within an hour',
  };
  for (const [kind, count] of soft) {
    if (count >= 2) reasons.push({ code: kind, weight: 0.1, detail: `${count} accounts ${softWords[kind]}` });
  }

  const score = round(
    Math.min(
      1,
      reasons.reduce((s, r) => s + r.weight, 0),
    ),
  );
  reasons.sort((a, b) => b.weight - a.weight);
  return { score, reasons };
}
