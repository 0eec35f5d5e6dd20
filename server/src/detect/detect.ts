// Ring detection: stream shared identifiers and soft signals out of Neo4j into an account graph,
// group it, score each group with reasons, and replace the previous result (keeping ring ids
// stable where membership barely changed).
import { createHash } from 'node:crypto';
import type { Database } from '../db/database.js';
import { AccountGraph, type SoftLinkKind } from './account-graph.js';
import { groupAccounts } from './grouping.js';
import { scoreRing, type AccountFeatures, type Reason } from './scoring.js';
import { BENIGN_TAGS } from '../model/tags.js';
import { KEEP_THRESHOLD } from '../model/thresholds.js';
import { DAY, HOUR } from '../model/time-units.js';
import { LINK_THRESHOLD, identifierWeight } from './weights.js';
import { computeAccountRisk, individualRisk, type AccountRing, type RiskModelSummary } from './account-risk.js';
import { MemberLinkIndex, liftByMembers } from './ring-members.js';
import { readRiskFeatures } from './risk-features.js';
import { afterDetection } from '../workflow/after-detection.js';

export interface DetectOptions {
  /** Identifiers shared by more accounts than this are crowds, not links (default 50). */
  maxShare?: number;
  /** Components larger than this are split with Louvain (default 60). */
  maxGroup?: number;
  /** Rings scoring below this are not persisted (default KEEP_THRESHOLD). */
  keepScore?: number;
  seed?: number;
}

export interface DetectedRing {
  id: string;
  score: number;
  size: number;
  members: string[];
  reasons: Reason[];
}

export interface DetectResult {
  rings: DetectedRing[];
  /** Accounts with risk > 0, riskiest first. */
  accounts: { id: string; risk: number; ring: string | null; reasons: Reason[] }[];
  riskModel: RiskModelSummary;
  seconds: number;
  stats: {
    linkedAccounts: number;
    links: number;
    candidates: number;
    peakRssMb: number;
    /** Wall seconds per step (graph, grouping, riskFeatures, scoring, risk, write), for the scale bench. */
    phases: Record<string, number>;
  };
}

const TOOL_CATEGORIES = new Set(['emulator', 'automation', 'group-control', 'anti-detect', 'scripting']);

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
    collect('detect/phone-blocks', { minAccounts: 3, maxShare }),
    collect('detect/email-stems', { minAccounts: 3, maxShare }),
    collect('detect/ip-registrations', { maxShare, benignTags: BENIGN_TAGS }),
  ]);
  soft.catch(() => {});
  await identifiers;
  const [phones, emails, ips] = await soft;
  phones.forEach(bursts('SEQUENTIAL_PHONES', 2 * DAY, 3, (row) => (Number(row.tagged) > 0 ? 0.6 : 0.35)));
  emails.forEach(bursts('EMAIL_PATTERN', DAY, 3, () => 0.2));
  ips.forEach(bursts('IP_REGISTRATION_BURST', HOUR, 2, () => 0.3));
  return g;
}

async function scoreContext(db: Database) {
  const counts = (await db.read('admin/store-counts'))[0];
  const total = Math.max(1, Number(counts?.accounts ?? 1));
  const apiBaseline = new Map<string, number>();
  for (const r of await db.read('detect/api-baseline')) apiBaseline.set(String(r.api), Number(r.users) / total);
  const fraudTools = new Set<string>();
  for (const r of await db.read('detect/tools')) {
    if (TOOL_CATEGORIES.has(String(r.category)) || (r.tags as string[]).includes('fraud-tool'))
      fraudTools.add(String(r.key));
  }
  return { apiBaseline, fraudTools };
}

async function fetchFeatures(db: Database, keys: string[]): Promise<Map<string, AccountFeatures>> {
  const out = new Map<string, AccountFeatures>();
  for (let i = 0; i < keys.length; i += 5000) {
    const rows = await db.read('detect/account-features', { keys: keys.slice(i, i + 5000) }, { timeoutMs: 0 });
    for (const r of rows) {
      out.set(String(r.key), {
        key: String(r.key),
        registered: r.registered === null ? null : Number(r.registered),
        proxyIps: Number(r.proxyIps),
        smsPhones: Number(r.smsPhones),
        tools: r.tools as string[],
        apis: r.apis as AccountFeatures['apis'],
        declines: Number(r.declines),
        chargebacks: Number(r.chargebacks),
        refunds: Number(r.refunds),
        payments: Number(r.payments),
        failures: Number(r.failures),
      });
    }
  }
  return out;
}

/** Reuses the id of a previous ring that shares at least half of the union of members. */
function stableIds(rings: Omit<DetectedRing, 'id'>[], previous: { id: string; members: string[] }[]): DetectedRing[] {
  const ringOf = new Map<string, number>();
  previous.forEach((p, i) => p.members.forEach((m) => ringOf.set(m, i)));
  const taken = new Set<number>();
  return rings.map((r) => {
    const overlap = new Map<number, number>();
    for (const m of r.members) {
      const p = ringOf.get(m);
      if (p !== undefined) overlap.set(p, (overlap.get(p) ?? 0) + 1);
    }
    let best: number | undefined;
    let bestJ = 0.5;
    for (const [p, shared] of overlap) {
      const union = r.members.length + previous[p]!.members.length - shared;
      const j = shared / union;
      if (j >= bestJ && !taken.has(p)) {
        best = p;
        bestJ = j;
      }
    }
    if (best !== undefined) {
      taken.add(best);
      return { ...r, id: previous[best]!.id };
    }
    const hash = createHash('sha1')
      .update([...r.members].sort().join('\n'))
      .digest('hex');
    return { ...r, id: `R-${hash.slice(0, 10)}` };
  });
}

export async function detectRings(db: Database, opts: DetectOptions = {}): Promise<DetectResult> {
  const started = Date.now();
  let peakRss = process.memoryUsage().rss;
  const maxShare = opts.maxShare ?? 50;
  const phases: Record<string, number> = {};
  let phaseStart = Date.now();
  const phase = (name: string) => {
    phases[name] = (Date.now() - phaseStart) / 1000;
    phaseStart = Date.now();
  };
  // The account graph and the risk feature table are independent reads: both at once.
  const reads = Date.now();
  const [g, table] = await Promise.all([
    buildAccountGraph(db, maxShare).then((graph) => ((phases.graph = (Date.now() - reads) / 1000), graph)),
    readRiskFeatures(db).then((t) => ((phases.riskFeatures = (Date.now() - reads) / 1000), t)),
  ]);
  phaseStart = Date.now();
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const groups = groupAccounts(g, LINK_THRESHOLD, opts.maxGroup ?? 60, opts.seed ?? 1);
  phase('grouping');

  // Identifiers and soft links per group, for the reasons.
  const groupOf = new Int32Array(g.keys.length).fill(-1);
  groups.forEach((members, gi) => members.forEach((m) => (groupOf[m] = gi)));
  const sharedByGroup = groups.map(() => [] as AccountGraph['identifiers']);
  for (const id of g.identifiers) {
    const counts = new Map<number, number>();
    for (const m of id.members) {
      const gi = groupOf[m]!;
      if (gi >= 0) counts.set(gi, (counts.get(gi) ?? 0) + 1);
    }
    for (const [gi, c] of counts) if (c >= 2) sharedByGroup[gi]!.push(id);
  }

  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const individual = individualRisk(table);
  const memberLinks = new MemberLinkIndex(table.moneyLinks);
  const tableIndex = (m: number) => table.index.get(g.keys[m]!) ?? -1;
  const ctx = await scoreContext(db);
  const features = await fetchFeatures(
    db,
    groups.flat().map((i) => g.keys[i]!),
  );
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const keepScore = opts.keepScore ?? KEEP_THRESHOLD;
  const scored: Omit<DetectedRing, 'id'>[] = [];
  groups.forEach((members, gi) => {
    const feats = members.map((m) => features.get(g.keys[m]!)).filter((f): f is AccountFeatures => f !== undefined);
    if (feats.length < 2) return;
    const soft = new Map<SoftLinkKind, number>();
    for (const m of members) for (const k of g.softLinks.get(m) ?? []) soft.set(k, (soft.get(k) ?? 0) + 1);
    const idx = members.map(tableIndex).filter((i) => i >= 0);
    const links = memberLinks.among(idx);
    const structural = scoreRing(feats, sharedByGroup[gi]!, soft, ctx, links);
    const lifted = liftByMembers(
      structural.score,
      idx.map((i) => individual[i]!),
    );
    const reasons = lifted.reason ? [...structural.reasons, lifted.reason] : structural.reasons;
    const score = lifted.score;
    if (score < keepScore) return;
    reasons.sort((a, b) => b.weight - a.weight);
    scored.push({ score, size: feats.length, members: feats.map((f) => f.key).sort(), reasons });
  });
  scored.sort((a, b) => b.score - a.score || b.size - a.size);
  phase('scoring');

  const previous = (await db.read('detect/previous-rings', {}, { timeoutMs: 0 })).map((r) => ({
    id: String(r.id),
    members: r.members as string[],
  }));
  const rings = stableIds(scored, previous);
  const dismissed = new Set((await db.read('detect/dismissed-rings', {}, { timeoutMs: 0 })).map((r) => String(r.key)));
  const ringOf = new Map<number, AccountRing>();
  for (const r of rings) {
    for (const m of r.members) {
      const i = table.index.get(m);
      if (i !== undefined && (ringOf.get(i)?.score ?? -1) < r.score)
        ringOf.set(i, { id: r.id, score: r.score, size: r.size });
    }
  }
  const shareLinks: { a: number; b: number; w: number }[] = [];
  for (const [p, w] of g.edges) {
    const [a, b] = AccountGraph.unpair(p);
    const [ta, tb] = [tableIndex(a), tableIndex(b)];
    if (ta >= 0 && tb >= 0) shareLinks.push({ a: ta, b: tb, w });
  }
  const risk = computeAccountRisk(table, { ringOf, shareLinks, dismissed });
  phase('risk');
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const accounts: DetectResult['accounts'] = [];
  for (let i = 0; i < table.keys.length; i++) {
    if (risk.risk[i]! > 0)
      accounts.push({
        id: table.keys[i]!,
        risk: risk.risk[i]!,
        ring: ringOf.get(i)?.id ?? null,
        reasons: risk.reasons[i]!,
      });
  }
  accounts.sort((a, b) => b.risk - a.risk);
  await db.writeTx(
    async (tx) => {
      await tx.run('detect/clear-rings');
      for (let i = 0; i < rings.length; i += 500) {
        await tx.run('detect/write-rings', {
          rings: rings.slice(i, i + 500).map((r) => ({
            id: r.id,
            score: r.score,
            size: r.size,
            members: r.members,
            reasonCodes: r.reasons.map((x) => x.code),
            reasonsJson: JSON.stringify(r.reasons),
          })),
        });
      }
      for (let i = 0; i < accounts.length; i += 5000) {
        await tx.run('detect/write-account-risk', {
          rows: accounts
            .slice(i, i + 5000)
            .map((a) => ({ key: a.id, risk: a.risk, reasons: JSON.stringify(a.reasons) })),
        });
      }
    },
    { timeoutMs: 0 },
  );
  phase('write');
  // Ring history, attack types and triage labels (the investigator workflow's part of a run).
  await afterDetection(db, previous, rings);
  phase('history');
  return {
    rings,
    accounts,
    riskModel: risk.model,
    seconds: (Date.now() - started) / 1000,
    stats: {
      linkedAccounts: g.keys.length,
      links: g.edges.size,
      candidates: groups.length,
      peakRssMb: Math.round(peakRss / 2 ** 20),
      phases,
    },
  };
}
