// Ring detection: stream shared identifiers and soft signals into an account graph (signals.ts),
// group it (grouping.ts), score each group with reasons (scoring.ts, lifted by its members'
// individual risk), give every account a risk (account-risk.ts), and replace the previous result
// (persist.ts), keeping ring ids stable where membership barely changed (stable-ids.ts). What the
// investigator workflow records for each run comes after this, in workflow/detection-run.ts.
import type { Database } from '../db/database.js';
import type { PairList, SharedIdentifier, SoftLinkKind } from './account-graph.js';
import { groupAccounts } from './grouping.js';
import { groupInDatabase, type PairSource } from './gds-grouping.js';
import { scoreRing, type AccountFeatures } from './scoring.js';
import type { Reason } from '../model/reasons.js';
import { KEEP_THRESHOLD } from '../model/thresholds.js';
import { LINK_THRESHOLD } from './weights.js';
import { computeAccountRisk, individualRisk, type AccountRing, type RiskModelSummary } from './account-risk.js';
import { MemberLinkIndex, liftByMembers, memberMedian } from './ring-members.js';
import { readRiskFeatures, type FeatureEngine } from './risk-features.js';
import type { EdgeList } from './fraud-proximity.js';
import { buildAccountGraph, readAccountLinks } from './signals.js';
import {
  identifiersByGroup,
  memberFeatures,
  readGroupIdentifiers,
  readMemberActivity,
  scoreContext,
  type MemberActivity,
  type MemberReadSource,
} from './ring-inputs.js';
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
  /**
   * Where the per-account feature table is summed: 'db' in the database by ringscope's procedure
   * (the embedded launcher registers it; an external Neo4j has it only where the plugin is
   * installed), 'cypher' by the portable Cypher statement, 'auto' (default) the procedure when the
   * database offers it. The two give the same table (integration test). 'gds' also groups the
   * accounts inside Neo4j with Graph Data Science (gds-grouping.ts; the table as 'auto' would).
   */
  engine?: 'auto' | FeatureEngine | 'gds';
  /**
   * Grouping in this process: where the linked pairs are summed. 'db' by ringscope.accountLinks in the
   * database (refused where it is missing), 'graph' here from the identifier graph streamed by Cypher,
   * 'auto' (default) 'db' when the database offers it and the feature table is summed there too. The
   * two give the same pairs, rings and risks (integration test).
   */
  pairs?: 'auto' | 'db' | 'graph';
  /**
   * Called with the rings as soon as they are scored and named, before account risk is computed
   * (a synchronous step of seconds at 1M accounts): the caller can start its reads of those rings'
   * members then, for Neo4j to answer meanwhile (workflow/detection-run.ts).
   */
  onRings?: (rings: { id: string; members: string[] }[]) => void;
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
    /** Accounts whose stored risk this run wrote (new or changed) and cleared (no risk any more). */
    riskWritten: number;
    riskCleared: number;
    peakRssMb: number;
    /** Where the feature table was summed, where accounts were grouped, and why there. */
    engine: FeatureEngine;
    grouping: 'in-process' | 'gds';
    /** Where the linked pairs were summed: ringscope's procedure, or Cypher (GDS) / this process (in process). */
    pairs: PairSource;
    /** Where candidate members' tools, APIs and shared identifiers were read. */
    members: MemberReadSource;
    engineNote: string;
    /**
     * Wall seconds per step, for the scale bench. graph, riskFeatures and memberReads (tools and
     * APIs of candidate members, after grouping) overlap: each is timed from when it started;
     * evidence (each account's own, from the table alone) runs in this process while they do.
     * Then scoring, risk, write; history is added by workflow/detection-run.ts.
     */
    phases: Record<string, number>;
    /** The process's resident memory (MB) as each step ended: where the peak builds up. */
    rssMb: Record<string, number>;
  };
}

export async function findRings(db: Database, opts: DetectOptions = {}): Promise<DetectResult> {
  const started = Date.now();
  let peakRss = process.memoryUsage().rss;
  const maxShare = opts.maxShare ?? 50;
  const phases: Record<string, number> = {};
  const rssMb: Record<string, number> = {};
  const rssAt = (name: string) => {
    const rss = process.memoryUsage().rss;
    peakRss = Math.max(peakRss, rss);
    rssMb[name] = Math.round(rss / 2 ** 20);
  };
  let phaseStart = Date.now();
  const phase = (name: string) => {
    phases[name] = (Date.now() - phaseStart) / 1000;
    phaseStart = Date.now();
    rssAt(name);
  };
  // Three reads on Neo4j's cores at once: the account links (the identifier graph read into this
  // process, or with Graph Data Science grouped in Neo4j, where only the results come back), the
  // risk feature table (the longest), and, as soon as the groups are known, the tools and APIs of
  // the candidate members.
  const reads = Date.now();
  const since = (t: number) => (Date.now() - t) / 1000;
  // Engine is chosen first (one short SHOW PROCEDURES): it decides whether the graph is read at all.
  const engine = await chooseEngine(db, opts.engine ?? 'auto', opts.pairs ?? 'auto');
  const tableRead = readRiskFeatures(db, { engine: engine.engine }).then(
    (t) => ((phases.riskFeatures = since(reads)), rssAt('riskFeatures'), t),
  );
  tableRead.catch(() => {});
  // Each account's own evidence needs the table alone: worked out as soon as it arrives, while
  // Neo4j still sums the pairs or reads candidate members, not after every read.
  const evidenceOf = tableRead.then((t) => {
    const start = Date.now();
    const e = individualRisk(t);
    phases.evidence = since(start);
    return e;
  });
  evidenceOf.catch(() => {});
  const linked: Promise<Linked> =
    engine.grouping === 'gds'
      ? groupInDatabase(db, {
          maxShare,
          threshold: LINK_THRESHOLD,
          maxGroup: opts.maxGroup ?? 60,
          pairs: engine.pairs,
        }).then(async ({ keys, groups, softKinds, links }) => {
          phases.gdsGrouping = since(reads);
          rssAt('gdsGrouping');
          const start = Date.now();
          const ordered = canonicalOrder(groups, keys);
          const [shared, activity] = await Promise.all([
            readGroupIdentifiers(db, keys, ordered, maxShare, engine.members),
            readMemberActivity(db, memberKeys(ordered, keys), engine.members),
          ]);
          phases.memberReads = since(start);
          rssAt('memberReads');
          return { keys, groups: ordered, shared, softKinds, links, activity };
        })
      : readLinks(db, maxShare, engine.pairs).then(async ({ keys, pairs, softKinds, identifiers }) => {
          phases.graph = since(reads);
          rssAt('graph');
          const groupingStart = Date.now();
          const groups = canonicalOrder(
            groupAccounts(pairs, keys, LINK_THRESHOLD, opts.maxGroup ?? 60, opts.seed ?? 1),
            keys,
          );
          phases.grouping = since(groupingStart);
          const activityRead = readMemberActivity(db, memberKeys(groups, keys), engine.members);
          activityRead.catch(() => {});
          // Memory: from here on only the groups' own identifiers (their reasons) and the summed
          // links are needed, so the rest of the graph's identifiers are let go (at 1M accounts, a
          // million shared identifiers with their member lists). Pairs summed in the database come
          // without identifiers: the candidate groups' are read for their members alone.
          let shared: SharedIdentifier[][];
          if (identifiers) {
            shared = identifiersByGroup(identifiers, keys.length, groups);
            identifiers.length = 0;
          } else shared = await readGroupIdentifiers(db, keys, groups, maxShare, engine.members);
          // The pairs are the walk's links; their soft parts were for grouping only.
          const links: EdgeList = pairs;
          pairs.soft = new Float64Array(0);
          const activity = await activityRead;
          phases.memberReads = since(groupingStart) - phases.grouping;
          rssAt('memberReads');
          return { keys, groups, shared, softKinds, links, activity };
        });
  linked.catch(() => {});
  // The rings stored by the previous run and the dismissed ones: small, read beside the rest.
  const previousRead = db.read('detect/previous-rings', {}, { timeoutMs: 0 });
  const dismissedRead = db.read('detect/dismissed-rings', {}, { timeoutMs: 0 });
  // Awaited after scoring; if a big read fails first, their failure must not count as unhandled.
  previousRead.catch(() => {});
  dismissedRead.catch(() => {});
  const [{ keys, groups, shared: sharedByGroup, softKinds, links: accountLinks, activity }, table, ctx] =
    await Promise.all([linked, tableRead, scoreContext(db)]);
  const evidence = await evidenceOf;
  phaseStart = Date.now();
  rssAt('reads');

  const individual = evidence.risk;
  const memberLinks = new MemberLinkIndex(table.moneyLinks);
  // Account index → feature table index (-1: not in the table).
  const toTable = Int32Array.from(keys, (k) => table.index.get(k) ?? -1);
  const tableIndex = (m: number) => toTable[m]!;
  const features = memberFeatures(table, activity);
  rssAt('features');
  const keepScore = opts.keepScore ?? KEEP_THRESHOLD;
  const scored: Omit<DetectedRing, 'id'>[] = [];
  groups.forEach((members, gi) => {
    const feats = members.map((m) => features(keys[m]!)).filter((f): f is AccountFeatures => f !== undefined);
    if (feats.length < 2) return;
    const soft = new Map<SoftLinkKind, number>();
    for (const m of members) for (const k of softKinds.get(m) ?? []) soft.set(k, (soft.get(k) ?? 0) + 1);
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
  activity.clear();
  // Memory: what only scoring reads is let go before account risk, the step with the peak: the
  // linked accounts' keys (toTable maps them), the groups, their identifiers and soft kinds.
  const linkedAccounts = keys.length;
  const candidates = groups.length;
  keys.length = groups.length = sharedByGroup.length = 0;
  softKinds.clear();
  phase('scoring');

  const previous = (await previousRead).map((r) => ({
    id: String(r.id),
    members: r.members as string[],
  }));
  const rings = stableIds(scored, previous);
  opts.onRings?.(rings);
  const dismissed = new Set((await dismissedRead).map((r) => String(r.key)));
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
  // The pairs by table index, renamed in place (a second list of 2.2M pairs at 1M accounts was
  // 64 MB more at the risk step's peak); a pair with an account outside the table is dropped.
  const links = accountLinks.length;
  let kept = 0;
  for (let e = 0; e < accountLinks.length; e++) {
    const ta = toTable[accountLinks.a[e]!]!;
    const tb = toTable[accountLinks.b[e]!]!;
    if (ta < 0 || tb < 0) continue;
    accountLinks.a[kept] = ta;
    accountLinks.b[kept] = tb;
    accountLinks.w[kept++] = accountLinks.w[e]!;
  }
  accountLinks.length = kept;
  const shareLinks = accountLinks;
  // Nor is the key index (ringOf is by table index): about 50 MB at 1M accounts.
  table.index.clear();
  const risk = computeAccountRisk(table, { ringOf, shareLinks, dismissed, evidence });
  phase('risk');
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
  // Memory: the write builds every risk's reasons as JSON and its digest; the table the risk step
  // read is let go first (at 1M accounts its columns alone are 250 MB). The accounts keep their keys.
  table.columns.clear();
  table.keys.length = table.labels.length = table.tags.length = table.moneyLinks.length = 0;
  risk.reasons.length = 0;
  shareLinks.clear();
  const written = await writeResult(db, rings, accounts);
  phase('write');
  return {
    rings,
    previous,
    accounts,
    riskModel: risk.model,
    seconds: (Date.now() - started) / 1000,
    stats: {
      linkedAccounts,
      links,
      candidates,
      ...written,
      peakRssMb: Math.round(peakRss / 2 ** 20),
      engine: engine.engine,
      grouping: engine.grouping,
      pairs: engine.pairs,
      members: engine.members,
      engineNote: engine.note,
      phases,
      rssMb,
    },
  };
}

/**
 * Members in key order and groups by their first member: where the groups came from (this process
 * or GDS, which stream accounts in their own orders) must not change ties in scoring or naming.
 */
function canonicalOrder(groups: number[][], keys: string[]): number[][] {
  const byKey = (a: number, b: number) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0);
  for (const g of groups) g.sort(byKey);
  return groups.sort((a, b) => byKey(a[0]!, b[0]!));
}

const memberKeys = (groups: number[][], keys: string[]) => groups.flat().map((i) => keys[i]!);

/**
 * The linked pairs grouping reads: summed in the database by ringscope.accountLinks where it is
 * offered, else from the identifier graph streamed into this process (which also gives every
 * shared identifier, for reasons).
 */
async function readLinks(
  db: Database,
  maxShare: number,
  source: PairSource,
): Promise<{
  keys: string[];
  pairs: PairList;
  softKinds: Map<number, Set<SoftLinkKind>>;
  identifiers?: SharedIdentifier[];
}> {
  if (source === 'procedure') return readAccountLinks(db, maxShare);
  const g = await buildAccountGraph(db, maxShare);
  return { keys: g.keys, pairs: g.takePairs(), softKinds: g.softLinks, identifiers: g.identifiers };
}

/** What grouping hands to scoring and account risk, wherever it ran (accounts as indices into keys). */
interface Linked {
  keys: string[];
  groups: number[][];
  /** Per group, the identifiers two or more of its members share. */
  shared: SharedIdentifier[][];
  softKinds: Map<number, Set<SoftLinkKind>>;
  /** Every linked pair once, with its summed weight (the fraud-proximity walk's share links). */
  links: EdgeList;
  activity: MemberActivity;
}

/** The procedure that sums the feature table in the database (neo4j/…/AccountRiskFeatures.java). */
const FEATURE_PROCEDURE = 'ringscope.accountRiskFeatures';
/** The procedure that computes the account pairs GDS projects (neo4j/…/AccountPairs.java). */
const PAIRS_PROCEDURE = 'ringscope.accountPairs';
/** The same pairs in batches, for grouping in this process (same class). */
const LINKS_PROCEDURE = 'ringscope.accountLinks';
/** Candidate members' tools and APIs, and the identifiers they share (neo4j/…/MemberReads.java). */
const MEMBER_PROCEDURES = ['ringscope.memberActivity', 'ringscope.groupIdentifiers'];

/**
 * Graph Data Science's procedures detect --engine gds calls (gds.graph.project, a function, comes
 * with them); admin/procedures.cypher lists the same names.
 */
export const GDS_PROCEDURES = [
  'gds.wcc.mutate',
  'gds.louvain.stream',
  'gds.graph.filter',
  'gds.graph.drop',
  'gds.graph.nodeProperty.stream',
  'gds.graph.relationshipProperty.stream',
];

interface Engine {
  engine: FeatureEngine;
  grouping: 'in-process' | 'gds';
  /** Where the account pairs are summed: by ringscope's procedure, or by Cypher (GDS) or this process. */
  pairs: PairSource;
  /** Where candidate members' tools, APIs and shared identifiers are read: with the feature table. */
  members: MemberReadSource;
  note: string;
}

/**
 * Picks where the feature table is summed and where accounts are grouped; 'db' and 'gds' refuse,
 * naming what the database lacks, when their procedures are missing.
 */
async function chooseEngine(
  db: Database,
  wanted: 'auto' | FeatureEngine | 'gds',
  wantedPairs: 'auto' | 'db' | 'graph',
): Promise<Engine> {
  const inProcess = 'grouped in this process';
  const fromGraph = 'the account pairs summed here from the identifier graph';
  if (wanted === 'cypher' && wantedPairs !== 'db')
    return {
      engine: 'cypher',
      grouping: 'in-process',
      pairs: 'cypher',
      members: 'cypher',
      note: `by Cypher, as asked (--engine cypher); ${inProcess}, ${fromGraph}`,
    };
  let names: string[];
  try {
    names = (await db.read('admin/procedures', {}, { timeoutMs: 0 })).map((r) => String(r.name));
  } catch (e) {
    // A server that will not list procedures to this user: Cypher works everywhere (if the database
    // is down, the reads that follow say so).
    if (wanted !== 'auto' || wantedPairs === 'db') throw e;
    return {
      engine: 'cypher',
      grouping: 'in-process',
      pairs: 'cypher',
      members: 'cypher',
      note: `by Cypher: could not list the database's procedures (${(e as Error).message}); ${inProcess}, ${fromGraph}`,
    };
  }
  const hasFeatures = names.includes(FEATURE_PROCEDURE);
  // Candidate members are read by the plugin where it sums the feature table (same jar).
  const members = (table: FeatureEngine): MemberReadSource =>
    table === 'db' && MEMBER_PROCEDURES.every((p) => names.includes(p)) ? 'procedure' : 'cypher';
  const missing =
    `this Neo4j has no ${FEATURE_PROCEDURE} procedure (the embedded launcher registers it; on a server of your own, ` +
    `put neo4j/target/ringscope-neo4j-0.1.0.jar in its plugins folder)`;
  const features = hasFeatures ? `in the database (${FEATURE_PROCEDURE})` : `by Cypher: ${missing}`;
  if (wanted === 'gds') {
    const lacking = GDS_PROCEDURES.filter((p) => !names.includes(p));
    if (lacking.length)
      throw new Error(
        `detect --engine gds: this Neo4j has no Graph Data Science (${lacking.join(', ')} not listed; the embedded ` +
          `launcher loads it from neo4j/target/plugins; on a server of your own, install GDS 2.13 and allow gds.*); ` +
          `--engine auto groups in this process`,
      );
    const pairs: PairSource = names.includes(PAIRS_PROCEDURE) ? 'procedure' : 'cypher';
    return {
      engine: hasFeatures ? 'db' : 'cypher',
      grouping: 'gds',
      pairs,
      members: members(hasFeatures ? 'db' : 'cypher'),
      note:
        `${features}; grouped in the database by Graph Data Science (gds.wcc, gds.louvain), the account pairs ` +
        (pairs === 'procedure' ? `computed by ${PAIRS_PROCEDURE}` : 'computed by Cypher'),
    };
  }
  if (wanted === 'db' && !hasFeatures) throw new Error(`detect --engine db: ${missing}`);
  const hasLinks = names.includes(LINKS_PROCEDURE);
  if (wantedPairs === 'db' && !hasLinks)
    throw new Error(`detect --pairs db: ${missing.replace(FEATURE_PROCEDURE, LINKS_PROCEDURE)}`);
  // Auto: the pairs come from the plugin where the feature table does (--engine cypher keeps both portable).
  const pairs: PairSource =
    wantedPairs === 'db' || (wantedPairs === 'auto' && hasFeatures && hasLinks) ? 'procedure' : 'cypher';
  const tableEngine: FeatureEngine = wanted === 'cypher' || !hasFeatures ? 'cypher' : 'db';
  const tableNote = wanted === 'cypher' ? 'by Cypher, as asked (--engine cypher)' : features;
  return {
    engine: tableEngine,
    grouping: 'in-process',
    pairs,
    members: members(tableEngine),
    note:
      `${tableNote}; ${inProcess}, ` +
      (pairs === 'procedure' ? `the account pairs summed in the database (${LINKS_PROCEDURE})` : fromGraph),
  };
}
