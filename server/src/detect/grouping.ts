// Grouping: connected components over links at or above the threshold (union-find, O(E α(V))),
// then components larger than maxGroup split by Louvain modularity (graphology) on link weights.
// Links that only reach the threshold thanks to soft signals (a phone from the same block, an
// email of the same pattern, a sign-up from the same IP within the hour) may join two groups held
// together by shared identifiers only when at least half of each group takes part: one
// household member whose number happens to sit in a farm's SMS block must not bring the whole
// household along (at 1M accounts that glued 37 legitimate groups into rings).
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import type { PairList } from './account-graph.js';

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

/**
 * Groups `n` accounts (indices into `keys`) by their linked pairs. Louvain reads each large group's
 * accounts and links in key order, so the groups do not depend on the order the pairs came in (from
 * the identifier graph in this process or from the database's procedure).
 */
export function groupAccounts(
  pairs: PairList,
  keys: string[],
  threshold: number,
  maxGroup: number,
  seed = 1,
): number[][] {
  const uf = new UnionFind(keys.length);
  // 1. Groups held together by shared identifiers alone.
  const softAssisted: [number, number][] = [];
  for (let e = 0; e < pairs.length; e++) {
    const w = pairs.w[e]!;
    if (w < threshold) continue;
    const [a, b] = [pairs.a[e]!, pairs.b[e]!];
    if (w - pairs.soft[e]! >= threshold) uf.union(a, b);
    else softAssisted.push([a, b]);
  }
  const { groups, large } = finishGroups(uf, keys.length, softAssisted, maxGroup);
  if (large.length) groups.push(...louvainSplit(pairs, keys, threshold, large, seed));
  return groups;
}

/**
 * The same grouping from groups computed elsewhere (Graph Data Science's weakly connected
 * components over the shared-identifier links, see detect/gds-grouping.ts): `components` and
 * `softAssisted` name accounts by their index in an account graph of `n` accounts. Returns the
 * groups and, apart, those larger than maxGroup, for the caller to split.
 */
export function groupFromComponents(
  n: number,
  components: Iterable<number[]>,
  softAssisted: [number, number][],
  maxGroup: number,
): { groups: number[][]; large: number[][] } {
  const uf = new UnionFind(n);
  for (const c of components) for (let i = 1; i < c.length; i++) uf.union(c[0]!, c[i]!);
  return finishGroups(uf, n, softAssisted, maxGroup);
}

/** 2. Soft-assisted links join two groups when at least half of each takes part; large groups apart. */
function finishGroups(
  uf: UnionFind,
  n: number,
  softAssisted: [number, number][],
  maxGroup: number,
): { groups: number[][]; large: number[][] } {
  const size = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    size.set(r, (size.get(r) ?? 0) + 1);
  }
  const takingPart = new Map<string, { a: number; b: number; fromA: Set<number>; fromB: Set<number> }>();
  for (const [x, y] of softAssisted) {
    const [rx, ry] = [uf.find(x), uf.find(y)];
    if (rx === ry) continue;
    const [a, b, ma, mb] = rx < ry ? [rx, ry, x, y] : [ry, rx, y, x];
    const id = `${a}:${b}`;
    let t = takingPart.get(id);
    if (!t) takingPart.set(id, (t = { a, b, fromA: new Set(), fromB: new Set() }));
    t.fromA.add(ma);
    t.fromB.add(mb);
  }
  for (const t of takingPart.values()) {
    const [sa, sb] = [size.get(t.a) ?? 1, size.get(t.b) ?? 1];
    if (t.fromA.size / sa >= 0.5 && t.fromB.size / sb >= 0.5) uf.union(t.a, t.b);
  }
  const components = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
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
  return { groups, large };
}

/**
 * Louvain modularity (graphology) on each large group's links at or above the threshold, between
 * two of its own members (a soft-assisted link that did not join another group to it stays out).
 * Accounts and links go in in key order: Louvain's result depends on the order it visits them.
 */
function louvainSplit(pairs: PairList, keys: string[], threshold: number, large: number[][], seed: number): number[][] {
  const byKey = (x: number, y: number) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : 0);
  const groups: number[][] = [];
  const inLarge = new Map<number, number>();
  large.forEach((c, i) => c.forEach((m) => inLarge.set(m, i)));
  const links = large.map(() => [] as [number, number, number][]);
  for (let e = 0; e < pairs.length; e++) {
    const w = pairs.w[e]!;
    if (w < threshold) continue;
    const gi = inLarge.get(pairs.a[e]!);
    if (gi === undefined || inLarge.get(pairs.b[e]!) !== gi) continue;
    const [a, b] = byKey(pairs.a[e]!, pairs.b[e]!) < 0 ? [pairs.a[e]!, pairs.b[e]!] : [pairs.b[e]!, pairs.a[e]!];
    links[gi]!.push([a, b, w]);
  }
  large.forEach((members, gi) => {
    const sub = new UndirectedGraph();
    for (const m of [...members].sort(byKey)) sub.addNode(m);
    for (const [a, b, w] of links[gi]!.sort((x, y) => byKey(x[0], y[0]) || byKey(x[1], y[1])))
      sub.mergeEdge(a, b, { weight: w });
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
  });
  return groups;
}
