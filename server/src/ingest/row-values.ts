// Parsing of single values inside a row (labels, amounts, order outcomes, lists), and the Reject
// error a row effect throws to reject its row naming the column. Pure.
export class Reject extends Error {}

/** Thrown to skip a row on purpose (e.g. a self-referral): counted and explained, never silent. */
export class Skip extends Error {}

export const FRAUD_WORDS = new Set(['1', 'fraud', 'fraudulent', 'true', 'yes', 'bad', 'scam', 'y']);
export const LEGIT_WORDS = new Set(['0', 'legit', 'legitimate', 'false', 'no', 'good', 'ok', 'genuine', 'n']);

export function parseLabel(v: string, column: string): 'fraud' | 'legit' {
  const w = v.trim().toLowerCase();
  if (FRAUD_WORDS.has(w)) return 'fraud';
  if (LEGIT_WORDS.has(w)) return 'legit';
  throw new Reject(
    `column ${column}: label '${v.slice(0, 40)}' is neither fraud (1/fraud/true) nor legit (0/legit/false)`,
  );
}

export function parseAmount(v: string, column: string): number {
  const n = Number(v.trim().replace(/[,$€£¥\s]/g, ''));
  if (!Number.isFinite(n)) throw new Reject(`column ${column}: amount '${v.slice(0, 40)}' is not a number`);
  return n;
}

/** Classifies a status/event text into the outcomes we aggregate. */
export function orderOutcome(text: string): 'paid' | 'declined' | 'refund' | 'chargeback' | 'other' {
  const t = text.toLowerCase();
  if (/charge ?back|dispute/.test(t)) return 'chargeback';
  if (/refund|return/.test(t)) return 'refund';
  if (/declin|reject|fail|denied|insufficient/.test(t)) return 'declined';
  if (/paid|success|approved|captured|complete|settled|ok/.test(t)) return 'paid';
  return 'other';
}

export function splitList(v: string | undefined): string[] {
  if (!v) return [];
  return v
    .split(/[;|,]/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}
