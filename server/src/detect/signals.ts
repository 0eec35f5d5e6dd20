// Signals streamed out of Neo4j into the account graph: shared identifiers (weighted by kind and
// rarity) and soft signals (accounts of one phone block, email stem or sign-up IP, linked in chains
// of registrations no further apart than a window). Cost: one pass over identifiers and one per
// soft signal; memory grows with linked accounts and pairs.
import type { Database } from '../db/database.js';
import { AccountGraph, type SoftLinkKind } from './account-graph.js';
import { BENIGN_TAGS } from '../model/tags.js';
import { DAY, HOUR } from '../model/time-units.js';
import { identifierWeight } from './weights.js';

/**
 * Soft signals: a row (phone block, email stem, sign-up IP) needs `minAccounts` accounts; chains of
 * registrations no more than `windowMs` apart, of `minChain` or more, link every pair with `weight`
 * (`taggedWeight` for a phone block with an SMS-platform number). gds-project.cypher takes the same.
 */
export const SOFT_SIGNALS = {
  phone: { minAccounts: 3, windowMs: 2 * DAY, minChain: 3, weight: 0.35, taggedWeight: 0.6 },
  email: { minAccounts: 3, windowMs: DAY, minChain: 3, weight: 0.2 },
  ip: { minAccounts: 2, windowMs: HOUR, minChain: 2, weight: 0.3 },
} as const;

/** Links members registered within `windowMs` of the previous one (sorted by time). */
function burstChains(members: { account: number; registered: number }[], windowMs: number): number[][] {
  const sorted = [...members].sort((a, b) => a.registered - b.registered);
  const chains: number[][] = [];
  let chain: number[] = [];
  let last = -Infinity;
  for (const m of sorted) {
    if (m.registered - last > windowMs) {
      if (chain.length >= 2) chains.push(chain);
      chain = [];
    }
    chain.push(m.account);
    last = m.registered;
  }
  if (chain.length >= 2) chains.push(chain);
  return chains;
}

/** A row's `members: [{ account, registered }]` with accounts interned into the graph. */
function timedMembers(g: AccountGraph, row: Record<string, unknown>): { account: number; registered: number }[] {
  return (row.members as { account: string; registered: number }[]).map((m) => ({
    account: g.intern(m.account),
    registered: m.registered,
  }));
}

export async function buildAccountGraph(db: Database, maxShare: number): Promise<AccountGraph> {
  const g = new AccountGraph();
  const identifiers = db.stream(
    'detect/shared-identifiers',
    { maxShare },
    (row) => {
      const tags = (row.tags as string[]) ?? [];
      const degree = Number(row.degree);
      const weight = identifierWeight(String(row.label), degree, tags);
      if (weight <= 0) return;
      const members = [...new Set(row.accounts as string[])].map((k) => g.intern(k));
      g.linkAll(members, weight);
      g.identifiers.push({ label: String(row.label), key: String(row.key), tags, degree, weight, members });
    },
    { timeoutMs: 0 },
  );
  // Soft signals: accounts of one phone block, email stem or sign-up IP, linked in chains of
  // registrations no further apart than the window.
  const bursts =
    (kind: SoftLinkKind, windowMs: number, minChain: number, weight: (row: Record<string, unknown>) => number) =>
    (row: Record<string, unknown>) => {
      for (const chain of burstChains(timedMembers(g, row), windowMs))
        if (chain.length >= minChain) g.addSoft(kind, chain, weight(row));
    };
  // The three soft-signal reads run while the identifiers stream in (Neo4j answers them on other
  // cores); their rows are few and are applied afterwards in the same order as before, so the graph
  // (and every ring) is the same as reading one after another.
  const collect = (name: string, params: Record<string, unknown>) => {
    const rows: Record<string, unknown>[] = [];
    return db.stream(name, params, (row) => void rows.push(row), { timeoutMs: 0 }).then(() => rows);
  };
  const soft = Promise.all([
    collect('detect/phone-blocks', { minAccounts: SOFT_SIGNALS.phone.minAccounts, maxShare }),
    collect('detect/email-stems', { minAccounts: SOFT_SIGNALS.email.minAccounts, maxShare }),
    collect('detect/ip-registrations', { maxShare, benignTags: BENIGN_TAGS }),
  ]);
  soft.catch(() => {});
  await identifiers;
  const [phones, emails, ips] = await soft;
  const { phone, email, ip } = SOFT_SIGNALS;
  phones.forEach(
    bursts('SEQUENTIAL_PHONES', phone.windowMs, phone.minChain, (row) =>
      Number(row.tagged) > 0 ? phone.taggedWeight : phone.weight,
    ),
  );
  emails.forEach(bursts('EMAIL_PATTERN', email.windowMs, email.minChain, () => email.weight));
  ips.forEach(bursts('IP_REGISTRATION_BURST', ip.windowMs, ip.minChain, () => ip.weight));
  return g;
}
