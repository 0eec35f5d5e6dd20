// The account–account graph: accounts interned to small integers, undirected weighted edges
// stored in one Map keyed by the pair, and the identifiers behind each link kept for reasons.
// Memory grows with linked accounts and pairs, not with the whole database.
import { EdgeList } from './fraud-proximity.js';

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
 * Linked pairs, each pair once (accounts as indices): an EdgeList of the summed weights (what the
 * fraud-proximity walk reads) with, beside each pair, the part of its weight from soft signals alone
 * (what grouping reads), wherever the pairs were summed (this process from the identifier graph, or
 * the database's procedure).
 */
export class PairList extends EdgeList {
  soft: Float64Array;

  constructor(capacity = 1024) {
    super(Math.max(1, capacity));
    this.soft = new Float64Array(this.a.length);
  }

  pushPair(a: number, b: number, w: number, soft: number): void {
    const at = this.length;
    this.push(a, b, w);
    if (this.length === at) return; // a === b: no pair
    if (this.soft.length < this.a.length) {
      const grown = new Float64Array(this.a.length);
      grown.set(this.soft);
      this.soft = grown;
    }
    this.soft[at] = soft;
  }

  override trim(): this {
    super.trim();
    if (this.soft.length > this.length) this.soft = this.soft.slice(0, this.length);
    return this;
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
      pairs.pushPair(a, b, w, this.softEdges.get(p) ?? 0);
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
