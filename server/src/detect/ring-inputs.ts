// What ring scoring needs besides the graph: the data set's API baseline and known fraud tools, the
// per-member behaviour of candidate members (mostly from the risk feature table), and the shared
// identifiers inside each group.
import type { Database } from '../db/database.js';
import { FRAUD_TOOL_CATEGORIES } from '../model/tags.js';
import type { SharedIdentifier } from './account-graph.js';
import { BASE_WEIGHT, identifierWeight } from './weights.js';
import type { BaseFeature, FeatureTable } from './risk-features.js';
import type { AccountFeatures, ScoreContext } from './scoring.js';

/** Detection never runs under the API's query timeout: a slow machine makes it slower, never failing. */
const NO_TIMEOUT = { timeoutMs: 0 };

export async function scoreContext(db: Database): Promise<ScoreContext> {
  const counts = (await db.read('admin/store-counts', {}, NO_TIMEOUT))[0];
  const total = Math.max(1, Number(counts?.accounts ?? 1));
  const apiBaseline = new Map<string, number>();
  for (const r of await db.read('detect/api-baseline', {}, NO_TIMEOUT))
    apiBaseline.set(String(r.api), Number(r.users) / total);
  const fraudTools = new Set<string>();
  for (const r of await db.read('detect/tools', {}, NO_TIMEOUT)) {
    if (FRAUD_TOOL_CATEGORIES.includes(String(r.category)) || (r.tags as string[]).includes('fraud-tool'))
      fraudTools.add(String(r.key));
  }
  return { apiBaseline, fraudTools };
}

/** The tools a candidate member ran and the APIs it called: what the risk feature table does not hold. */
export type MemberActivity = Map<string, Pick<AccountFeatures, 'tools' | 'apis'>>;

/**
 * Where the candidate members' reads run: 'procedure' by ringscope's procedures in the database
 * (MemberReads.java, where the feature table is summed there too), 'cypher' by the portable
 * statements. Both give the same rows (integration test).
 */
export type MemberReadSource = 'procedure' | 'cypher';

/**
 * Reads the tools and APIs of the given accounts (candidate ring members). Detection runs this as
 * soon as the groups are known, while the risk feature stream still runs on the other core.
 */
export async function readMemberActivity(
  db: Database,
  keys: string[],
  source: MemberReadSource,
): Promise<MemberActivity> {
  const out: MemberActivity = new Map();
  const statement = source === 'procedure' ? 'detect/account-features-in-db' : 'detect/account-features';
  const batches = function* () {
    for (let i = 0; i < keys.length; i += 5000) yield keys.slice(i, i + 5000);
  };
  await inFlight(batches(), async (batch) => {
    const rows = await db.read(statement, { keys: batch }, NO_TIMEOUT);
    for (const r of rows)
      out.set(String(r.key), { tools: r.tools as string[], apis: r.apis as AccountFeatures['apis'] });
  });
  return out;
}

/**
 * Batches of one member read in flight at once: Neo4j answers one while this process unpacks the
 * rows of the other, instead of each waiting for the other. At 1M accounts, 367k members by
 * ringscope's procedures, one batch at a time then two: tools and APIs 7.0 then 6.0 s, shared
 * identifiers 5.6 then 3.4 s, both side by side 9.3 then 8.2 s.
 */
const IN_FLIGHT = 2;

/** Runs `read` over the batches, IN_FLIGHT at a time; fails with the first batch that fails. */
async function inFlight<T>(batches: Iterable<T>, read: (batch: T) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  for (const batch of batches) {
    const done: Promise<void> = read(batch).then(() => void running.delete(done));
    done.catch(() => {}); // reported by the race or the Promise.all below
    running.add(done);
    if (running.size >= IN_FLIGHT) await Promise.race(running);
  }
  await Promise.all(running);
}

/**
 * What ring scoring needs of a candidate member: behaviour from the risk feature table (read once
 * for every account) and the tools and APIs read for these accounts only (readMemberActivity).
 * Built when scoring asks, group by group, rather than for every candidate member at once (at 1M
 * accounts, a map of 250k objects live at the peak).
 */
export function memberFeatures(
  table: FeatureTable,
  activity: MemberActivity,
): (key: string) => AccountFeatures | undefined {
  const col = (name: BaseFeature) => table.columns.get(name)!;
  return (key) => {
    const act = activity.get(key);
    const t = table.index.get(key);
    if (act === undefined || t === undefined) return undefined;
    const registered = table.registered[t]!;
    return {
      key,
      registered: Number.isNaN(registered) ? null : registered,
      proxyIps: col('proxyIps')[t]!,
      smsPhones: col('smsPhones')[t]!,
      tools: act.tools,
      apis: act.apis,
      declines: col('declines')[t]!,
      chargebacks: col('chargebacks')[t]!,
      refunds: col('refunds')[t]!,
      payments: col('payments')[t]!,
      failures: col('failures')[t]!,
    };
  };
}

/** The identifiers shared by at least two members of each group (the evidence behind its reasons). */
export function identifiersByGroup(
  identifiers: SharedIdentifier[],
  size: number,
  groups: number[][],
): SharedIdentifier[][] {
  const groupOf = new Int32Array(size).fill(-1);
  groups.forEach((members, gi) => members.forEach((m) => (groupOf[m] = gi)));
  const byGroup = groups.map(() => [] as SharedIdentifier[]);
  for (const id of identifiers) {
    const counts = new Map<number, number>();
    for (const m of id.members) {
      const gi = groupOf[m]!;
      if (gi >= 0) counts.set(gi, (counts.get(gi) ?? 0) + 1);
    }
    for (const [gi, c] of counts) if (c >= 2) byGroup[gi]!.push(id);
  }
  // Strong kinds first, then by key: the reason text does not depend on the order identifiers came in.
  const rank = (s: SharedIdentifier) => -(BASE_WEIGHT[s.label] ?? 0);
  for (const list of byGroup)
    list.sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
  return byGroup;
}

/**
 * The same for groups found in the database (detect --engine gds): the identifiers the groups'
 * members share are read for those members alone, whole groups at a time so no group's identifiers
 * are split between two reads.
 */
export async function readGroupIdentifiers(
  db: Database,
  keys: string[],
  groups: number[][],
  maxShare: number,
  source: MemberReadSource,
): Promise<SharedIdentifier[][]> {
  const index = new Map<string, number>();
  const identifiers: SharedIdentifier[] = [];
  const statement = source === 'procedure' ? 'detect/group-identifiers-in-db' : 'detect/group-identifiers';
  const read = async (batch: string[]) => {
    const rows = await db.read(statement, { keys: batch, maxShare }, NO_TIMEOUT);
    for (const r of rows) {
      const tags = (r.tags as string[]) ?? [];
      const degree = Number(r.degree);
      const weight = identifierWeight(String(r.label), degree, tags);
      if (weight <= 0) continue;
      const members = (r.members as string[]).map((k) => index.get(k)!);
      identifiers.push({ label: String(r.label), key: String(r.key), tags, degree, weight, members });
    }
  };
  // Whole groups to a batch; every member's index is known before its batch's rows arrive.
  const batches = function* () {
    let batch: string[] = [];
    for (const g of groups) {
      for (const m of g) {
        index.set(keys[m]!, m);
        batch.push(keys[m]!);
      }
      if (batch.length >= 5000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  };
  await inFlight(batches(), read);
  // Rows arrive in no fixed order from batches in flight; identifiersByGroup sorts each group's.
  return identifiersByGroup(identifiers, keys.length, groups);
}
