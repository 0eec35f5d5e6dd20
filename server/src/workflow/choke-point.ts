// A ring's choke point: the smallest set of shared resources whose blocking cuts its accounts off
// its cash-out side. The ring's chain graph (its picture: members and the identifiers at least two
// share) is directed left to right — upstream tools → phones, IPs, devices, emails → accounts →
// cards and addresses (the cash-out side), accounts also through each other (transfers, purchases)
// — and a minimum vertex cut separates the left end from the cash-out side. Only shared, blockable
// identifiers without a benign tag (carrier CGNAT, offices, public Wi-Fi) are cheap to cut; the rest
// cost so much the cut goes around them, and accounts reachable only through them stay connected
// (the result says how many of the ring's accounts the choke point cuts off).
import type { GraphData, GraphNode } from '../explore/graph-model.js';
import { hasBenignTag } from '../model/tags.js';
import { tierIndex, tierOf } from '../model/tiers.js';
import { BLOCKABLE } from './impact.js';
import { minVertexCut } from './vertex-cut.js';

const CASH_OUT = new Set(['PaymentMethod', 'Address']);
/** The cost of cutting a node that should not be blocked: more than any ring has accounts. */
const UNCUTTABLE = 1_000_000;

export interface ChokePoint {
  resources: GraphNode[];
  members: number;
  /** Members with a path from the left end to the cash-out side before the block. */
  reaching: number;
  /** Of those, members with no such path once the choke point is blocked. */
  cut: number;
}

/**
 * `memberIds`: the ring's members. Other accounts in its picture (counterparties it pays or buys
 * from) are neither counted nor protected: they are only ways through.
 */
export function chokePoint(graph: GraphData, memberIds: ReadonlySet<string>): ChokePoint {
  const nodes = graph.nodes.filter((n) => n.type !== 'Api' && n.type !== 'Ring');
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const tier = nodes.map((n) => tierIndex(tierOf(n.type, n.tags)));
  const accountTier = tierIndex('accounts');
  const members = nodes.map((n) => n.type === 'Account' && memberIds.has(n.id));
  const adjacent = nodes.map(() => new Set<number>());
  const edges: [number, number][] = [];
  for (const e of graph.edges) {
    const [a, b] = [index.get(e.source), index.get(e.target)];
    if (a === undefined || b === undefined || a === b) continue;
    adjacent[a]!.add(b);
    adjacent[b]!.add(a);
    if (tier[a]! < tier[b]!) edges.push([a, b]);
    else if (tier[b]! < tier[a]!) edges.push([b, a]);
    else edges.push([a, b], [b, a]);
  }
  const memberLinks = nodes.map((_, i) => [...adjacent[i]!].filter((j) => members[j]).length);
  const capacity = nodes.map((n, i) =>
    members[i]
      ? Infinity
      : (BLOCKABLE as readonly string[]).includes(n.type) && memberLinks[i]! >= 2 && !hasBenignTag(n.tags)
        ? 1
        : UNCUTTABLE,
  );
  const hasLower = (i: number) => [...adjacent[i]!].some((j) => tier[j]! < tier[i]!);
  const sources = nodes
    .map((_, i) => i)
    .filter((i) => (tier[i]! < accountTier && !hasLower(i)) || (members[i] && !hasLower(i)));
  const sinks = nodes.map((_, i) => i).filter((i) => CASH_OUT.has(nodes[i]!.type));
  const memberCount = members.filter(Boolean).length;
  if (sinks.length === 0) return { resources: [], members: memberCount, reaching: 0, cut: 0 };

  const { cut } = minVertexCut({ capacity, edges, sources, sinks });
  const blocked = new Set(cut.filter((i) => capacity[i] === 1));

  // Which members still have a left-end → member → cash-out path with `without` blocked.
  const out = nodes.map(() => [] as number[]);
  const back = nodes.map(() => [] as number[]);
  for (const [a, b] of edges) {
    out[a]!.push(b);
    back[b]!.push(a);
  }
  const reach = (starts: number[], next: number[][], without: Set<number>) => {
    const seen = new Uint8Array(nodes.length);
    const stack = starts.filter((s) => !without.has(s));
    for (const s of stack) seen[s] = 1;
    while (stack.length) {
      const u = stack.pop()!;
      for (const v of next[u]!)
        if (!seen[v] && !without.has(v)) {
          seen[v] = 1;
          stack.push(v);
        }
    }
    return seen;
  };
  const connected = (without: Set<number>) => {
    const f = reach(sources, out, without);
    const b = reach(sinks, back, without);
    return nodes.map((_, i) => i).filter((i) => members[i] && f[i] && b[i]);
  };
  const before = connected(new Set());
  const after = new Set(connected(blocked));
  return {
    resources: [...blocked].map((i) => nodes[i]!),
    members: memberCount,
    reaching: before.length,
    cut: before.filter((i) => !after.has(i)).length,
  };
}
