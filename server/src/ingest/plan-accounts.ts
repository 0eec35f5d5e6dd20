// The account column of a file and its counterparties (payee, seller, referrer) among the columns
// holding accounts: by header names, by the other files' values, by which column is never empty,
// and, between two unnamed counterparties, by fan-in (sellers receive many orders each). Part of
// the plan (plan.ts); when nothing tells two account columns apart it records a problem.
import path from 'node:path';
import { headerWords, isIdLike, type Evidence } from './column-evidence.js';
import type { ColumnMap, Field } from './fields.js';
import type { FileSample } from './sample.js';

export const COUNTERPARTY: Field[] = ['toAccount', 'seller', 'referrer'];
export type Why = Map<string, { text: string; confidence: number }>;
export type Problems = { file: string; message: string }[];

/** The account column and the counterparties (payee, seller, referrer) among account-like columns. */
export function assignAccounts(
  s: FileSample,
  scores: Map<string, Map<Field, Evidence>>,
  columns: ColumnMap,
  why: Why,
  problems: Problems,
): void {
  const name = path.basename(s.file);
  const bestOther = (f: Map<Field, Evidence>) =>
    Math.max(
      0,
      ...[...f.values()].filter((e) => e.field !== 'account' && !COUNTERPARTY.includes(e.field)).map((e) => e.score),
    );
  const accountish = [...scores.entries()]
    .filter(([, f]) => {
      const acc = f.get('account')?.score ?? 0;
      const cp = Math.max(0, ...COUNTERPARTY.map((c) => f.get(c)?.score ?? 0));
      if ((acc < 0.5 && !(cp >= 0.5 && acc >= 0.3)) || Math.max(acc, cp) < bestOther(f)) return false;
      return true;
    })
    .map(([h, f]) => ({ h, f, p: s.profiles.get(h)! }));
  const set = (field: Field, h: string, text: string, confidence: number) => {
    columns[field] = h;
    why.set(h, { text, confidence });
  };
  if (columns.account === undefined) {
    const counterpartyName = (f: Map<Field, Evidence>) => COUNTERPARTY.some((c) => (f.get(c)?.score ?? 0) >= 0.55);
    // A header saying who referred or invited: that column is the referrer.
    const inviter = accountish.find((c) => /refer|invit/i.test(c.h));
    if (inviter && accountish.length === 2) {
      const other = accountish.find((c) => c !== inviter)!;
      set('referrer', inviter.h, `header '${inviter.h}' names who referred; values are accounts`, 0.8);
      set('account', other.h, other.f.get('account')?.why ?? 'account-like ids', other.f.get('account')?.score ?? 0.5);
      return;
    }
    const referral = /refer|invit/i.test(path.basename(s.file));
    const candidates = accountish.filter((c) => !counterpartyName(c.f));
    // In a referral table the first of two account columns is the referrer ('from'), the other the referred account.
    if (referral && accountish.length === 2 && !accountish.some((c) => (c.f.get('referrer')?.score ?? 0) >= 0.55)) {
      const [from, to] = accountish[0]!.h.toLowerCase().includes('to')
        ? [accountish[1]!, accountish[0]!]
        : [accountish[0]!, accountish[1]!];
      set(
        'referrer',
        from.h,
        `the referring account: a referral table's first account column; ${from.f.get('account')!.why}`,
        0.7,
      );
      set('account', to.h, `the referred account; ${to.f.get('account')!.why}`, 0.7);
      return;
    }
    const pool = candidates.length ? candidates : accountish;
    // The account: the best evidence, then the fullest column, then the first.
    pool.sort(
      (a, b) =>
        (b.f.get('account')?.score ?? 0) - (a.f.get('account')?.score ?? 0) ||
        a.p.emptyShare - b.p.emptyShare ||
        s.headers.indexOf(a.h) - s.headers.indexOf(b.h),
    );
    const best = pool[0];
    if (best) {
      const fromWord = headerWords(best.h).some((w) =>
        ['from', 'payer', 'sender', 'src', 'buyer', 'orig', 'origin'].includes(w),
      );
      set('account', best.h, best.f.get('account')?.why ?? 'account-like ids', best.f.get('account')?.score ?? 0.5);
      if (fromWord) why.get(best.h)!.text += `; '${best.h}' names the sending side`;
    }
  }
  // Other accounts need account values: ids (not names or words), or values seen as accounts elsewhere.
  const rest = accountish.filter(
    (c) =>
      c.h !== columns.account &&
      !Object.values(columns).includes(c.h) &&
      ((c.f.get('account')?.why ?? '').includes('values match') || (isIdLike(c.p) && (c.p.shares.words ?? 0) < 0.5)),
  );
  const hasAmount = [...scores.values()].some((f) => (f.get('amount')?.score ?? 0) >= 0.5);
  // Sellers receive many orders each; payees of transfers are spread: the fuller fan-in is the seller.
  const unnamed = rest.filter((c) => !COUNTERPARTY.some((f) => (c.f.get(f)?.score ?? 0) >= 0.55));
  for (const c of rest) {
    const named = COUNTERPARTY.map((f) => c.f.get(f)).filter((e): e is Evidence => !!e && e.score >= 0.55);
    named.sort((a, b) => b.score - a.score);
    let field: Field | undefined = named.find((e) => columns[e.field] === undefined)?.field;
    let text = named[0]?.why ?? '';
    if (!field) {
      if (unnamed.length === 2 && hasAmount) {
        const other = unnamed.find((u) => u.h !== c.h)!;
        field = c.p.distinctRatio < other.p.distinctRatio ? 'seller' : 'toAccount';
        text =
          field === 'seller'
            ? 'few distinct accounts receive many rows (sellers)'
            : 'accounts receiving payments, spread out';
      } else if (hasAmount) {
        field = columns.toAccount === undefined ? 'toAccount' : 'seller';
        text = 'a second account column next to an amount: the receiving account';
      } else if (/regist|signup|sign_up/i.test(name)) {
        field = 'referrer';
        text = 'a second account column in a registration log: who referred the account';
      } else if (/refer|invit/i.test(name)) {
        field = 'referrer';
        text = 'a second account column in a referral table';
      } else {
        problems.push({
          file: s.file,
          message: `${name}: columns '${columns.account}' and '${c.h}' both hold accounts and nothing tells whether they are transfers, sales or referrals; name them in a mapping (toAccount, seller or referrer)`,
        });
        continue;
      }
    }
    if (columns[field] !== undefined) continue;
    set(
      field,
      c.h,
      `${text}; values are accounts (${c.f.get('account')?.why ?? 'account-like'})`,
      Math.min(0.9, (named[0]?.score ?? 0.6) + 0.1),
    );
  }
  // A column named exactly like a counterparty but empty in the sample (no sellers yet) keeps its name's meaning.
  for (const [h, f] of scores) {
    if (Object.values(columns).includes(h) || s.profiles.get(h)!.filled > 0) continue;
    const named = COUNTERPARTY.map((c) => f.get(c)).find((e) => e && e.score >= 0.85);
    if (named && columns[named.field] === undefined) set(named.field, h, `${named.why}; empty in the sample`, 0.5);
  }
}
