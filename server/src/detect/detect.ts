// Ring detection: stream shared identifiers and soft signals into an account graph (signals.ts),
// group it (grouping.ts), score each group with reasons (scoring.ts, lifted by its members'
// individual risk), give every account a risk (account-risk.ts), and replace the previous result
// (persist.ts), keeping ring ids stable where membership barely changed (stable-ids.ts). What the
// investigator workflow records for each run comes after this, in workflow/detection-run.ts.
import type { Database } from '../db/database.js';
import { AccountGraph, type SoftLinkKind } from './account-graph.js';
import { groupAccounts } from './grouping.js';
import { scoreRing, type AccountFeatures } from './scoring.js';
import type { Reason } from '../model/reasons.js';
import { KEEP_THRESHOLD } from '../model/thresholds.js';
import { LINK_THRESHOLD } from './weights.js';
import { computeAccountRisk, individualRisk, type AccountRing, type RiskModelSummary } from './account-risk.js';
import { MemberLinkIndex, liftByMembers, memberMedian } from './ring-members.js';
import { readRiskFeatures } from './risk-features.js';
import { buildAccountGraph } from './signals.js';
import { identifiersByGroup, memberFeatures, scoreContext } from './ring-inputs.js';
import { stableIds } from './stable-ids.js';
import { writeResult } from './persist.js';

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
  /** Score from structure alone, and the median member's individual risk (see account risk). */
  structural: number;
  memberMedian: number;
}

export interface DetectResult {
  rings: DetectedRing[];
  /** The rings this run replaced, as they were stored before it. */
  previous: { id: string; members: string[] }[];
  /** Accounts with risk > 0, riskiest first. */
  accounts: { id: string; risk: number; ring: string | null; reasons: Reason[] }[];
  riskModel: RiskModelSummary;
  seconds: number;
  stats: {
    linkedAccounts: number;
    links: number;
    candidates: number;
    peakRssMb: number;
    /** Wall seconds per step (graph, grouping, riskFeatures, scoring, risk, write; history is added by workflow/detection-run.ts), for the scale bench. */
    phases: Record<string, number>;
  };
}

export async function findRings(db: Database, opts: DetectOptions = {}): Promise<DetectResult> {
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

  const sharedByGroup = identifiersByGroup(g, groups);

  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const individual = individualRisk(table);
  const memberLinks = new MemberLinkIndex(table.moneyLinks);
  const tableIndex = (m: number) => table.index.get(g.keys[m]!) ?? -1;
  const ctx = await scoreContext(db);
  const features = await memberFeatures(
    db,
    table,
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
    const own = idx.map((i) => individual[i]!);
    const lifted = liftByMembers(structural.score, own);
    const reasons = lifted.reason ? [...structural.reasons, lifted.reason] : structural.reasons;
    const score = lifted.score;
    if (score < keepScore) return;
    reasons.sort((a, b) => b.weight - a.weight);
    scored.push({
      score,
      size: feats.length,
      members: feats.map((f) => f.key).sort(),
      reasons,
      structural: structural.score,
      memberMedian: memberMedian(own),
    });
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
        ringOf.set(i, {
          id: r.id,
          score: r.score,
          size: r.size,
          structural: r.structural,
          memberMedian: r.memberMedian,
        });
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
  await writeResult(db, rings, accounts);
  phase('write');
  return {
    rings,
    previous,
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
