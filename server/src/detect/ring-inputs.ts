// What ring scoring needs besides the graph: the data set's API baseline and known fraud tools, the
// per-member behaviour of candidate members, and the shared identifiers inside each group.
import type { Database } from '../db/database.js';
import type { AccountGraph } from './account-graph.js';
import type { AccountFeatures, ScoreContext } from './scoring.js';

const TOOL_CATEGORIES = new Set(['emulator', 'automation', 'group-control', 'anti-detect', 'scripting']);

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
    if (TOOL_CATEGORIES.has(String(r.category)) || (r.tags as string[]).includes('fraud-tool'))
      fraudTools.add(String(r.key));
  }
  return { apiBaseline, fraudTools };
}

export async function fetchFeatures(db: Database, keys: string[]): Promise<Map<string, AccountFeatures>> {
  const out = new Map<string, AccountFeatures>();
  for (let i = 0; i < keys.length; i += 5000) {
    const rows = await db.read('detect/account-features', { keys: keys.slice(i, i + 5000) }, NO_TIMEOUT);
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
