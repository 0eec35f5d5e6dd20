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
