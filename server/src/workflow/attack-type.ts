// Names the kind of operation a ring is (coupon farm, card testing, account takeover, …) from what
// its members did, with a confidence and the evidence behind it. Hand-written rules rather than a
// learned model: there are no labelled attack types to learn from, and an investigator has to be
// able to read why a ring got its name. Pure: evidence in, verdict out.
import { ATTACK_TYPES, type AttackType } from '../model/attack-types.js';
import { DAY } from '../model/time-units.js';

export interface RingEvidence {
  id: string;
  size: number;
  firstRegistered: number | null;
  lastRegistered: number | null;
  payments: number;
  declines: number;
  chargebacks: number;
  refunds: number;
  amount: number;
  cards: number;
  bins: number;
  oldAccountsNewKit: number;
  loginFailures: number;
  smsPhones: number;
  emulators: number;
  emulatorDevices: number;
  referrals: number;
  transfers: number;
  transferAmount: number;
  purchases: number;
  sellers: number;
  apis: { key: string; domain: string; calls: number; members: number }[];
}

export interface AttackVerdict {
  type: AttackType | null;
  confidence: number;
  /** Every type's score, strongest first, with the evidence that counted for it. */
  scores: { type: AttackType; score: number; evidence: string[] }[];
}

const clamp = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const round = (x: number) => Math.round(x * 100) / 100;

/** Below this no type is named: the evidence does not say what the ring does. */
export const MIN_ATTACK_SCORE = 0.35;

/** Share of members that called an API whose path or business domain matches. */
function apiReach(e: RingEvidence, path: RegExp, domains: string[] = []): number {
  let best = 0;
  for (const a of e.apis) if (path.test(a.key) || domains.includes(a.domain)) best = Math.max(best, a.members);
  return clamp(best / Math.max(1, e.size));
}

type Rule = (e: RingEvidence) => { score: number; evidence: string[] };

const RULES: Record<AttackType, Rule> = {
  'coupon-farm': (e) => {
    const n = Math.max(1, e.size);
    const sms = clamp(e.smsPhones / n);
    const emu = clamp(Math.max(e.emulators, e.emulatorDevices) / n);
    const refer = clamp(e.referrals / n);
    const promo = apiReach(e, /coupon|promo|invite|voucher|bonus|redeem/, ['marketing']);
    return {
      score: clamp(0.35 * sms + 0.2 * emu + 0.15 * refer + 0.35 * promo),
      evidence: [
        `${e.smsPhones} of ${e.size} members on SMS-platform numbers`,
        `${Math.round(promo * 100)}% of members claimed coupons or invite bonuses`,
        ...(emu ? [`${Math.round(emu * 100)}% on emulators`] : []),
        ...(e.referrals ? [`${e.referrals} referrals among members`] : []),
      ],
    };
  },
  'card-testing': (e) => {
    const declineRate = e.payments ? e.declines / e.payments : 0;
    const cardsPer = clamp(e.cards / Math.max(1, e.size) / 3);
    const oneBin = e.cards >= 3 && e.bins > 0 ? clamp(1 - e.bins / e.cards) : 0;
    const auth = apiReach(e, /authori[sz]e|payments?\b|card/);
    return {
      score: clamp(0.45 * declineRate + 0.2 * cardsPer + 0.2 * oneBin + 0.15 * auth),
      evidence: [`${e.declines} of ${e.payments} payments declined`, `${e.cards} cards from ${e.bins} BIN(s)`],
    };
  },
  'account-takeover': (e) => {
    const n = Math.max(1, e.size);
    const old = clamp(e.oldAccountsNewKit / n);
    const failures = clamp(e.loginFailures / n);
    const change = apiReach(e, /address|password|users\/\{id\}|profile|email|phone\/change/);
    return {
      score: clamp(0.5 * old + 0.2 * failures + 0.3 * change),
      evidence: [
        `${e.oldAccountsNewKit} of ${e.size} long-standing accounts started using a device or IP the ring shares`,
        `${e.loginFailures} failed logins from the shared kit`,
        `${Math.round(change * 100)}% of members changed address or credentials`,
      ],
    };
  },
  'refund-cashout': (e) => {
    const refundRate = e.payments ? clamp((2 * e.refunds) / e.payments) : 0;
    const api = apiReach(e, /refund|return|cash-?out|withdraw/);
    return {
      score: clamp(0.6 * refundRate + 0.4 * api),
      evidence: [
        `${e.refunds} refunds on ${e.payments} payments`,
        `${Math.round(api * 100)}% of members called refund APIs`,
      ],
    };
  },
  'mule-network': (e) => {
    const n = Math.max(1, e.size);
    const transfers = clamp(e.transfers / n);
    const chargebacks = clamp(e.chargebacks / n);
    const api = apiReach(e, /transfer|wallet|payout|p2p/);
    return {
      score: clamp(0.4 * transfers + 0.3 * chargebacks + 0.3 * api),
      evidence: [
        `${e.transfers} transfers between members (${Math.round(e.transferAmount)} moved)`,
        `${e.chargebacks} chargebacks`,
      ],
    };
  },
  brushing: (e) => {
    const n = Math.max(1, e.size);
    const buyers = clamp(e.purchases / n);
    const concentration = e.sellers ? 1 / e.sellers : 0;
    const reviews = apiReach(e, /review|rating|feedback/);
    return {
      score: clamp(0.6 * buyers * concentration + 0.4 * reviews),
      evidence: [
        `${e.purchases} member purchases from ${e.sellers} seller(s)`,
        `${Math.round(reviews * 100)}% of members posted reviews`,
      ],
    };
  },
  'fake-registrations': (e) => {
    const n = Math.max(1, e.size);
    const spread =
      e.firstRegistered !== null && e.lastRegistered !== null ? (e.lastRegistered - e.firstRegistered) / DAY : Infinity;
    const burst = spread <= 2 ? 1 : spread <= 7 ? 0.5 : 0;
    const sms = clamp(e.smsPhones / n);
    const idle = 1 - clamp(e.payments / n);
    return {
      score: clamp(burst * idle * (0.5 + 0.5 * sms)),
      evidence: [
        `registrations spread over ${Number.isFinite(spread) ? spread.toFixed(1) : '?'} days`,
        `${e.payments} payments by ${e.size} accounts`,
      ],
    };
  },
};

export function classifyAttack(e: RingEvidence): AttackVerdict {
  const scores = ATTACK_TYPES.map((t) => {
    const r = RULES[t.id](e);
    return { type: t.id, score: round(r.score), evidence: r.evidence };
  }).sort((a, b) => b.score - a.score);
  const [best, second] = [scores[0]!, scores[1]!];
  if (best.score < MIN_ATTACK_SCORE) return { type: null, confidence: 0, scores };
  const confidence = round(best.score * (best.score / (best.score + second.score)));
  return { type: best.type, confidence, scores };
}
