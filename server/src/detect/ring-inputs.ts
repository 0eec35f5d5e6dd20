// What ring scoring needs besides the graph: the data set's API baseline and known fraud tools, the
// per-member behaviour of candidate members (mostly from the risk feature table), and the shared
// identifiers inside each group.
import type { Database } from '../db/database.js';
import { FRAUD_TOOL_CATEGORIES } from '../model/tags.js';
import type { AccountGraph } from './account-graph.js';
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
 * Reads the tools and APIs of the given accounts (candidate ring members). Detection runs this as
 * soon as the groups are known, while the risk feature stream still runs on the other core.
 */
export async function readMemberActivity(db: Database, keys: string[]): Promise<MemberActivity> {
  const out: MemberActivity = new Map();
  for (let i = 0; i < keys.length; i += 5000) {
    const rows = await db.read('detect/account-features', { keys: keys.slice(i, i + 5000) }, NO_TIMEOUT);
    for (const r of rows)
      out.set(String(r.key), { tools: r.tools as string[], apis: r.apis as AccountFeatures['apis'] });
  }
  return out;
}

/**
 * What ring scoring needs of each candidate member: behaviour from the risk feature table (read once
 * for every account) and the tools and APIs read for these accounts only (readMemberActivity).
 */
export function memberFeatures(table: FeatureTable, activity: MemberActivity): Map<string, AccountFeatures> {
  const out = new Map<string, AccountFeatures>();
  const col = (name: BaseFeature) => table.columns.get(name)!;
  for (const [key, { tools, apis }] of activity) {
    const t = table.index.get(key);
    if (t === undefined) continue;
    const registered = table.registered[t]!;
    out.set(key, {
      key,
      registered: Number.isNaN(registered) ? null : registered,
      proxyIps: col('proxyIps')[t]!,
      smsPhones: col('smsPhones')[t]!,
      tools,
      apis,
      declines: col('declines')[t]!,
      chargebacks: col('chargebacks')[t]!,
      refunds: col('refunds')[t]!,
      payments: col('payments')[t]!,
      failures: col('failures')[t]!,
    });
  }
  return out;
}

/** The identifiers shared by at least two members of each group (the evidence behind its reasons). */
export function identifiersByGroup(g: AccountGraph, groups: number[][]): AccountGraph['identifiers'][] {
  const groupOf = new Int32Array(g.keys.length).fill(-1);
  groups.forEach((members, gi) => members.forEach((m) => (groupOf[m] = gi)));
  const byGroup = groups.map(() => [] as AccountGraph['identifiers']);
  for (const id of g.identifiers) {
    const counts = new Map<number, number>();
    for (const m of id.members) {
      const gi = groupOf[m]!;
      if (gi >= 0) counts.set(gi, (counts.get(gi) ?? 0) + 1);
    }
    for (const [gi, c] of counts) if (c >= 2) byGroup[gi]!.push(id);
  }
  return byGroup;
}
