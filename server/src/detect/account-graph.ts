// The account–account graph: accounts interned to small integers, undirected weighted edges
// stored in one Map keyed by the pair, and the identifiers behind each link kept for reasons.
// Memory grows with linked accounts and pairs, not with the whole database.

export interface SharedIdentifier {
  label: string;
  key: string;
  tags: string[];
  degree: number;
  weight: number;
  members: number[];
}

/**
 * Pair keys are i * PAIR_BASE + j: exact integers (below 2^53) for up to 2^26 (67M) linked
 * accounts. (It was 2^21, which silently merged different pairs past 2.1M linked accounts.)
 */
const PAIR_BASE = 2 ** 26;

/**
 * Linked pairs as columns, each pair once (accounts as indices): the summed weight and, of it, the
 * part from soft signals alone. What grouping and the fraud-proximity walk read, wherever the pairs
 * were summed (this process from the identifier graph, or the database's procedure).
 */
export class PairList {
  a: Int32Array;
  b: Int32Array;
  w: Float64Array;
  soft: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    const n = Math.max(1, capacity);
    [this.a, this.b, this.w, this.soft] = [
      new Int32Array(n),
      new Int32Array(n),
      new Float64Array(n),
      new Float64Array(n),
    ];
  }

  /** Drops the spare capacity growth left (up to half of it: 30 MB at 2.2M pairs). */
  trim(): this {
    if (this.length < this.a.length) {
      [this.a, this.b] = [this.a.slice(0, this.length), this.b.slice(0, this.length)];
      [this.w, this.soft] = [this.w.slice(0, this.length), this.soft.slice(0, this.length)];
    }
    return this;
  }

  push(a: number, b: number, w: number, soft: number): void {
    if (this.length === this.a.length) {
      const n = this.length * 2;
      const grow = <T extends Int32Array | Float64Array>(x: T, y: T): T => (y.set(x), y);
      this.a = grow(this.a, new Int32Array(n));
      this.b = grow(this.b, new Int32Array(n));
      this.w = grow(this.w, new Float64Array(n));
      this.soft = grow(this.soft, new Float64Array(n));
    }
    this.a[this.length] = a;
    this.b[this.length] = b;
    this.w[this.length] = w;
    this.soft[this.length++] = soft;
  }
}

export type SoftLinkKind = 'SEQUENTIAL_PHONES' | 'EMAIL_PATTERN' | 'IP_REGISTRATION_BURST';

export class AccountGraph {
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  /** pair (i * PAIR_BASE + j, i < j) → summed weight of everything linking the two accounts. */
  readonly edges = new Map<number, number>();
  /** The part of `edges` that comes from soft signals only (phone blocks, email stems, bursts). */
  readonly softEdges = new Map<number, number>();
  readonly identifiers: SharedIdentifier[] = [];
  /** account index → soft-link kinds it takes part in. */
  readonly softLinks = new Map<number, Set<SoftLinkKind>>();

  intern(key: string): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(key);
      this.index.set(key, i);
    }
    return i;
  }

  static pair(a: number, b: number): number {
    return a < b ? a * PAIR_BASE + b : b * PAIR_BASE + a;
  }
  static unpair(p: number): [number, number] {
    const a = Math.floor(p / PAIR_BASE);
    return [a, p - a * PAIR_BASE];
  }

  addEdge(a: number, b: number, w: number, into: Map<number, number> = this.edges): void {
    if (a === b || w <= 0) return;
    const p = AccountGraph.pair(a, b);
    into.set(p, (into.get(p) ?? 0) + w);
  }

  /** Links every pair of a group (groups are capped by maxShare, so this stays small). */
  linkAll(members: number[], w: number, into: Map<number, number> = this.edges): void {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) this.addEdge(members[x]!, members[y]!, w, into);
    }
  }

  /** The graph's pairs as columns; empties the pair maps (memory: at 1M accounts, two million pairs). */
  takePairs(): PairList {
    const pairs = new PairList(this.edges.size);
    for (const [p, w] of this.edges) {
      const [a, b] = AccountGraph.unpair(p);
      pairs.push(a, b, w, this.softEdges.get(p) ?? 0);
    }
    this.edges.clear();
    this.softEdges.clear();
    return pairs;
  }

  addSoft(kind: SoftLinkKind, members: number[], w: number): void {
    this.linkAll(members, w);
    this.linkAll(members, w, this.softEdges);
    for (const m of members) {
      let set = this.softLinks.get(m);
      if (!set) this.softLinks.set(m, (set = new Set()));
      set.add(kind);
    }
  }
}
