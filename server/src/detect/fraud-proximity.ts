// Closeness to confirmed fraud: personalised PageRank from a set of seed accounts over the
// account–account links (shared identifiers weighted by rarity, transfers, referrals). Each
// account's score is the stationary probability of a walk that restarts at the seeds, scaled so
// that the average seed scores 1. Cost: O(iterations · links) time, O(accounts + links) memory.

/** Undirected weighted adjacency in compressed form (CSR). */
export interface LinkGraph {
  size: number;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

/** Builds the CSR adjacency from undirected weighted pairs (each pair given once). */
export function linkGraph(size: number, pairs: { a: number; b: number; w: number }[]): LinkGraph {
  const degree = new Int32Array(size + 1);
  for (const p of pairs) {
    degree[p.a]!++;
    degree[p.b]!++;
  }
  const offsets = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const fill = offsets.slice(0, size);
  const targets = new Int32Array(offsets[size]!);
  const weights = new Float64Array(offsets[size]!);
  for (const p of pairs) {
    targets[fill[p.a]!] = p.b;
    weights[fill[p.a]!++] = p.w;
    targets[fill[p.b]!] = p.a;
    weights[fill[p.b]!++] = p.w;
  }
  return { size, offsets, targets, weights };
}

export function personalisedPageRank(
  g: LinkGraph,
  seeds: number[],
  opts: { restart?: number; iterations?: number } = {},
): Float64Array {
  const n = g.size;
  const out = new Float64Array(n);
  if (!seeds.length) return out;
  const restart = opts.restart ?? 0.3;
  const strength = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let e = g.offsets[i]!; e < g.offsets[i + 1]!; e++) s += g.weights[e]!;
    strength[i] = s;
  }
  const start = new Float64Array(n);
  for (const s of seeds) start[s]! += 1 / seeds.length;
  let p = Float64Array.from(start);
  for (let it = 0; it < (opts.iterations ?? 20); it++) {
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (p[i] === 0) continue;
      if (strength[i] === 0) {
        next[i]! += p[i]!; // dangling: the walk stays put
        continue;
      }
      const share = p[i]! / strength[i]!;
      for (let e = g.offsets[i]!; e < g.offsets[i + 1]!; e++) next[g.targets[e]!]! += share * g.weights[e]!;
    }
    for (let i = 0; i < n; i++) next[i] = (1 - restart) * next[i]! + restart * start[i]!;
    p = next;
  }
  // Scaled so that the walk's mass at a seed averages 1: comparable across seed counts.
  const scale = seeds.length;
  for (let i = 0; i < n; i++) out[i] = p[i]! * scale;
  return out;
}

/** Sum of link weights from each account to the seed accounts (direct neighbours only). */
export function seedLinkWeight(g: LinkGraph, isSeed: (i: number) => boolean): Float64Array {
  const out = new Float64Array(g.size);
  for (let i = 0; i < g.size; i++) {
    let s = 0;
    for (let e = g.offsets[i]!; e < g.offsets[i + 1]!; e++) if (isSeed(g.targets[e]!)) s += g.weights[e]!;
    out[i] = s;
  }
  return out;
}
