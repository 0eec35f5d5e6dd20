// The linked account pairs grouping reads, summed one of two ways. Here: shared identifiers
// (weighted by kind and rarity) and soft signals (accounts of one phone block, email stem or sign-up
// IP, linked in chains of registrations no further apart than a window) streamed out of Neo4j into
// the account graph; cost: one pass over identifiers and one per soft signal, memory growing with
// linked accounts, identifiers and pairs. Or in the database (readAccountLinks): the same pairs
// summed by ringscope's procedure, only the pairs crossing the wire.
import type { Database } from '../db/database.js';
import { AccountGraph, PairList, type SoftLinkKind } from './account-graph.js';
import { BENIGN_TAGS, RISKY_TAGS } from '../model/tags.js';
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

/**
 * The parameters of the pair statements computed in the database (ringscope.accountPairs and
 * accountLinks, gds-project.cypher): the crowd cap, the intel tags and SOFT_SIGNALS, by name.
 */
export function pairParams(maxShare: number): Record<string, unknown> {
  const { phone, email, ip } = SOFT_SIGNALS;
  return {
    maxShare,
    benignTags: BENIGN_TAGS,
    riskyTags: RISKY_TAGS,
    phoneMinAccounts: phone.minAccounts,
    phoneWindow: phone.windowMs,
    phoneChain: phone.minChain,
    phoneWeight: phone.weight,
    phoneTaggedWeight: phone.taggedWeight,
    emailMinAccounts: email.minAccounts,
    emailWindow: email.windowMs,
    emailChain: email.minChain,
    emailWeight: email.weight,
    ipMinAccounts: ip.minAccounts,
    ipWindow: ip.windowMs,
    ipChain: ip.minChain,
    ipWeight: ip.weight,
  };
}

/** Bits of the pair statements' `kinds`, in the order the in-process graph adds the soft signals. */
export const KIND_BITS: [number, SoftLinkKind][] = [
  [1, 'SEQUENTIAL_PHONES'],
  [2, 'EMAIL_PATTERN'],
  [4, 'IP_REGISTRATION_BURST'],
];

/** Each account's soft kinds from its pairs' kind bits (account → bits OR-ed over its pairs). */
export function softKindsOf(bitsOf: Map<number, number>): Map<number, Set<SoftLinkKind>> {
  const softKinds = new Map<number, Set<SoftLinkKind>>();
  for (const [m, bits] of bitsOf)
    if (bits) softKinds.set(m, new Set(KIND_BITS.filter(([bit]) => bits & bit).map(([, k]) => k)));
  return softKinds;
}

/** What grouping reads, summed in the database (readAccountLinks) rather than from the identifier graph. */
export interface AccountLinks {
  keys: string[];
  pairs: PairList;
  softKinds: Map<number, Set<SoftLinkKind>>;
}

/**
 * The linked pairs summed in the database by ringscope.accountLinks (neo4j/…/AccountPairs.java):
 * the same pairs, weights and soft kinds as buildAccountGraph, without the identifier graph crossing
 * the wire (at 1M accounts, 2.2M pairs in 222 records instead of about a million identifier rows with
 * their member lists). Ring reasons then read the candidate groups' identifiers alone
 * (ring-inputs.ts readGroupIdentifiers).
 */
export async function readAccountLinks(db: Database, maxShare: number): Promise<AccountLinks> {
  const keys: string[] = [];
  const pairs = new PairList();
  const bitsOf = new Map<number, number>();
  await db.stream(
    'detect/account-links',
    { params: pairParams(maxShare) },
    (row) => {
      for (const k of row.keys as string[]) keys.push(k);
      const [a, b, hard, soft, kinds] = [row.a, row.b, row.hard, row.soft, row.kinds] as number[][];
      for (let i = 0; i < a!.length; i++) {
        const s = soft![i]!;
        pairs.pushPair(a![i]!, b![i]!, hard![i]! + s, s);
        const k = kinds![i]!;
        if (k) {
          bitsOf.set(a![i]!, (bitsOf.get(a![i]!) ?? 0) | k);
          bitsOf.set(b![i]!, (bitsOf.get(b![i]!) ?? 0) | k);
        }
      }
    },
    { timeoutMs: 0 },
  );
  return { keys, pairs: pairs.trim(), softKinds: softKindsOf(bitsOf) };
}

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
