// Grouping: connected components over links at or above the threshold (union-find, O(E α(V))),
// then components larger than maxGroup split by Louvain modularity (graphology) on link weights.
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { AccountGraph } from './account-graph.js';

// The package is CommonJS: under NodeNext its default import is the module object.
type Louvain = (
  graph: UndirectedGraph,
  options: { getEdgeWeight: string; rng: () => number },
) => Record<string, number>;
const louvain = ((louvainModule as unknown as { default?: Louvain }).default ?? louvainModule) as unknown as Louvain;

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n).map((_, i) => i);
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      const p = this.parent[x]!;
      this.parent[x] = this.parent[p]!;
      x = p;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[ra] = rb;
  }
}

export function groupAccounts(g: AccountGraph, threshold: number, maxGroup: number, seed = 1): number[][] {
  const uf = new UnionFind(g.keys.length);
  for (const [p, w] of g.edges) {
    if (w < threshold) continue;
    const [a, b] = AccountGraph.unpair(p);
    uf.union(a, b);
  }
  const components = new Map<number, number[]>();
  for (let i = 0; i < g.keys.length; i++) {
    const r = uf.find(i);
    let c = components.get(r);
    if (!c) components.set(r, (c = []));
    c.push(i);
  }
  const groups: number[][] = [];
  const large: number[][] = [];
  for (const c of components.values()) {
    if (c.length < 2) continue;
    if (c.length > maxGroup) large.push(c);
    else groups.push(c);
  }
  if (large.length) {
    const inLarge = new Map<number, number>();
    large.forEach((c, i) => c.forEach((m) => inLarge.set(m, i)));
    const graphs = large.map(() => new UndirectedGraph());
    for (const [p, w] of g.edges) {
      if (w < threshold) continue;
      const [a, b] = AccountGraph.unpair(p);
      const gi = inLarge.get(a);
      if (gi === undefined) continue;
      const sub = graphs[gi]!;
      sub.mergeNode(a);
      sub.mergeNode(b);
      sub.mergeEdge(a, b, { weight: w });
    }
    for (const sub of graphs) {
      let state = seed >>> 0 || 1;
      const rng = () => {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        return state / 4294967296;
      };
      const communities = louvain(sub, { getEdgeWeight: 'weight', rng });
      const byCommunity = new Map<number, number[]>();
      for (const [node, community] of Object.entries(communities)) {
        let list = byCommunity.get(community);
        if (!list) byCommunity.set(community, (list = []));
        list.push(Number(node));
      }
      for (const list of byCommunity.values()) if (list.length >= 2) groups.push(list);
    }
  }
  return groups;
}
