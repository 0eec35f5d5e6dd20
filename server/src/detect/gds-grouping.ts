// Grouping inside Neo4j with Graph Data Science (detect --engine gds): the account–account links
// are computed and projected in the database (gds-project.cypher, same signals and weights as
// signals.ts), weakly connected components over the shared-identifier part and Louvain for groups
// too large to be one ring run there, and only accounts with their group (and the few links that
// reach the threshold through soft signals) come back. The soft-signal rule and the assembly are
// grouping.ts's, so the groups are those of the in-process path up to Louvain's own choices.
import type { Database } from '../db/database.js';
import { BENIGN_TAGS, RISKY_TAGS } from '../model/tags.js';
import { AccountGraph } from './account-graph.js';
import { groupFromComponents } from './grouping.js';
import { SOFT_SIGNALS } from './signals.js';

let projections = 0;

/**
 * Groups the accounts in the database (independent of the account graph detection reads
 * meanwhile); returns each group's account keys.
 */
export async function groupInDatabase(
  db: Database,
  opts: { maxShare: number; threshold: number; maxGroup: number },
): Promise<string[][]> {
  const graphName = `ringscope-detect-${process.pid}-${Date.now()}-${projections++}`;
  const { phone, email, ip } = SOFT_SIGNALS;
  await db.read(
    'detect/gds-project',
    {
      graphName,
      maxShare: opts.maxShare,
      threshold: opts.threshold,
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
    },
    { timeoutMs: 0 },
  );
  try {
    // Accounts as small integers (for grouping.ts; only the graph's interning is used), and GDS
    // node id → that integer.
    const accounts = new AccountGraph();
    const intern = (key: string) => accounts.intern(key);
    const byNode = new Map<number, number>();
    const components = new Map<number, number[]>();
    const softAssisted: [number, number][] = [];
    await Promise.all([
      db.stream(
        'detect/gds-components',
        { graphName, threshold: opts.threshold },
        (row) => {
          const i = intern(String(row.account));
          byNode.set(Number(row.nodeId), i);
          const c = Number(row.component);
          let list = components.get(c);
          if (!list) components.set(c, (list = []));
          list.push(i);
        },
        { timeoutMs: 0 },
      ),
      db.stream(
        'detect/gds-soft-links',
        { graphName, threshold: opts.threshold },
        (row) => {
          const a = intern(String(row.a));
          const b = intern(String(row.b));
          byNode.set(Number(row.aNode), a);
          byNode.set(Number(row.bNode), b);
          softAssisted.push([a, b]);
        },
        { timeoutMs: 0 },
      ),
    ]);
    const { groups, large } = groupFromComponents(
      accounts.keys.length,
      components.values(),
      softAssisted,
      opts.maxGroup,
    );
    // Louvain runs only when some group is too large to be one ring, on that group alone.
    if (large.length) {
      const componentOf = new Map<number, number>();
      for (const [c, members] of components) for (const m of members) componentOf.set(m, c);
      for (const [gi, c] of large.entries()) {
        // The group's components (an account joined through soft links alone has none of its own:
        // then the group is left whole rather than filtered wrongly).
        const ids = [...new Set(c.map((m) => componentOf.get(m)))];
        if (ids.includes(undefined)) {
          groups.push(c);
          continue;
        }
        const filterParams = Object.fromEntries(ids.map((id, i) => [`c${i}`, id]));
        const nodeFilter = ids.map((_, i) => `n.component = $c${i}`).join(' OR ');
        const subgraphName = `${graphName}-group-${gi}`;
        const byCommunity = new Map<number, number[]>();
        try {
          await db.stream(
            'detect/gds-communities',
            { graphName, subgraphName, nodeFilter, filterParams },
            (row) => {
              const i = byNode.get(Number(row.nodeId));
              if (i === undefined) return;
              const k = Number(row.community);
              let list = byCommunity.get(k);
              if (!list) byCommunity.set(k, (list = []));
              list.push(i);
            },
            { timeoutMs: 0 },
          );
        } finally {
          await db.read('detect/gds-drop', { graphName: subgraphName }, { timeoutMs: 0 }).catch(() => {});
        }
        for (const list of byCommunity.values()) if (list.length >= 2) groups.push(list);
      }
    }
    return groups.map((members) => members.map((i) => accounts.keys[i]!));
  } finally {
    await db.read('detect/gds-drop', { graphName }, { timeoutMs: 0 }).catch(() => {});
  }
}
