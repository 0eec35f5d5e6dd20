// Grouping inside Neo4j with Graph Data Science (detect --engine gds): the account–account links
// are computed and projected in the database (gds-project.cypher, same signals and weights as
// signals.ts), weakly connected components over the shared-identifier part and Louvain for groups
// too large to be one ring run there. What comes back is what scoring and account risk read: each
// projected account's key, the groups, which soft signals link each account, and the pairs with
// their weights for the fraud-proximity walk; never the identifiers and their member lists, which
// the in-process path reads (ring-inputs.ts reads those of the candidate groups alone). The
// soft-signal rule and the assembly are grouping.ts's, so the groups are those of the in-process
// path up to Louvain's own choices.
import type { Database } from '../db/database.js';
import type { SoftLinkKind } from './account-graph.js';
import { EdgeList } from './fraud-proximity.js';
import { groupFromComponents } from './grouping.js';
import { pairParams, softKindsOf } from './signals.js';

let projections = 0;

/** Accounts as small integers (index into `keys`, every account with a link). */
export interface DatabaseGroups {
  keys: string[];
  groups: number[][];
  /** account → the soft signals it is linked by. */
  softKinds: Map<number, Set<SoftLinkKind>>;
  /** Every linked pair once, with its summed weight. */
  links: EdgeList;
}

/**
 * Where the pairs are computed before projection: by ringscope's procedure (ringscope.accountPairs,
 * registered by the embedded launcher) or by the portable Cypher statement; both give the same pairs
 * (integration test).
 */
export type PairSource = 'procedure' | 'cypher';

/** Groups the accounts in the database; see the head of this file for what comes back. */
export async function groupInDatabase(
  db: Database,
  opts: { maxShare: number; threshold: number; maxGroup: number; pairs: PairSource },
): Promise<DatabaseGroups> {
  const graphName = `ringscope-detect-${process.pid}-${Date.now()}-${projections++}`;
  const params = pairParams(opts.maxShare);
  if (opts.pairs === 'procedure')
    await db.read('detect/gds-project-pairs', { graphName, threshold: opts.threshold, params }, { timeoutMs: 0 });
  else await db.read('detect/gds-project', { graphName, threshold: opts.threshold, ...params }, { timeoutMs: 0 });
  try {
    // Streams name accounts by their Neo4j node id; each becomes the account's index in `keys`.
    const keys: string[] = [];
    const byNode = new Map<number, number>();
    const account = (nodeId: number) => {
      const i = byNode.get(nodeId);
      if (i === undefined) throw new Error(`detect --engine gds: node ${nodeId} was not streamed`);
      return i;
    };
    const components = new Map<number, number[]>();
    // Pairs come by node id (up to 2^53, so not in EdgeList's 32-bit arrays) while the accounts
    // stream beside them; renamed once both are in.
    const pairs: { a: number[]; b: number[]; w: number[] } = { a: [], b: [], w: [] };
    const softPairs: [number, number][] = [];
    const kindPairs: [number, number, number][] = [];
    const streamParams = { graphName, threshold: opts.threshold };
    await Promise.all([
      db.stream(
        'detect/gds-components',
        streamParams,
        (row) => {
          const i = keys.length;
          keys.push(String(row.account));
          byNode.set(Number(row.nodeId), i);
          if (Number(row.size) < 2) return;
          const c = Number(row.component);
          let list = components.get(c);
          if (!list) components.set(c, (list = []));
          list.push(i);
        },
        { timeoutMs: 0 },
      ),
      db.stream(
        'detect/gds-links',
        streamParams,
        (row) => {
          pairs.a.push(Number(row.a));
          pairs.b.push(Number(row.b));
          pairs.w.push(Number(row.weight));
        },
        { timeoutMs: 0 },
      ),
      db.stream('detect/gds-soft-links', streamParams, (row) => void softPairs.push([Number(row.a), Number(row.b)]), {
        timeoutMs: 0,
      }),
      db.stream(
        'detect/gds-soft-kinds',
        streamParams,
        (row) => void kindPairs.push([Number(row.a), Number(row.b), Number(row.kinds)]),
        { timeoutMs: 0 },
      ),
    ]);
    const links = new EdgeList();
    for (let e = 0; e < pairs.a.length; e++) links.push(account(pairs.a[e]!), account(pairs.b[e]!), pairs.w[e]!);
    pairs.a.length = pairs.b.length = pairs.w.length = 0;
    const softAssisted = softPairs.map(([a, b]): [number, number] => [account(a), account(b)]);
    const bitsOf = new Map<number, number>();
    for (const [a, b, bits] of kindPairs)
      for (const m of [account(a), account(b)]) bitsOf.set(m, (bitsOf.get(m) ?? 0) | bits);
    const softKinds = softKindsOf(bitsOf);
    const { groups, large } = groupFromComponents(keys.length, components.values(), softAssisted, opts.maxGroup);
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
    return { keys, groups, softKinds, links };
  } finally {
    await db.read('detect/gds-drop', { graphName }, { timeoutMs: 0 }).catch(() => {});
  }
}
