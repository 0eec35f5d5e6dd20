// What happened to each ring between two detection runs: born, grew, shrank, changed (same size,
// other members), merged (from which), split (into which), dissolved. Rings are matched by member
// overlap, so this holds whatever ids detection gave. Pure; cost O(total members).

export type RingChangeKind = 'born' | 'grew' | 'shrank' | 'changed' | 'merged' | 'split' | 'dissolved';

export interface RingMembers {
  id: string;
  members: string[];
}

export interface RingChange {
  ringId: string;
  kind: RingChangeKind;
  /** Rings of the previous run this one came from. */
  from: string[];
  /** Rings of this run it went into. */
  into: string[];
  sizeBefore: number;
  sizeAfter: number;
  joined: number;
  left: number;
}

/** A previous ring flows into a new one when they share this many members (at least 2, or all of a pair). */
function flows(shared: number, before: number): boolean {
  return shared >= Math.min(before, Math.max(2, Math.ceil(0.2 * before)));
}

export function ringChanges(previous: RingMembers[], current: RingMembers[]): RingChange[] {
  const prevOf = new Map<string, number>();
  previous.forEach((p, i) => p.members.forEach((m) => prevOf.set(m, i)));
  const succ = previous.map(() => [] as number[]);
  const pred = current.map(() => [] as number[]);
  const sharedWith = current.map(() => new Map<number, number>());
  current.forEach((c, ci) => {
    for (const m of c.members) {
      const p = prevOf.get(m);
      if (p !== undefined) sharedWith[ci]!.set(p, (sharedWith[ci]!.get(p) ?? 0) + 1);
    }
    for (const [p, shared] of sharedWith[ci]!) {
      if (flows(shared, previous[p]!.members.length)) {
        pred[ci]!.push(p);
        succ[p]!.push(ci);
      }
    }
  });
  const ids = (xs: number[], rings: RingMembers[]) => xs.map((i) => rings[i]!.id).sort();
  const out: RingChange[] = [];
  const currentIds = new Set(current.map((c) => c.id));
  current.forEach((c, ci) => {
    const from = pred[ci]!;
    const before = from.reduce((s, p) => s + previous[p]!.members.length, 0);
    const stayed = from.reduce((s, p) => s + sharedWith[ci]!.get(p)!, 0);
    const base = {
      ringId: c.id,
      from: ids(from, previous),
      sizeBefore: before,
      sizeAfter: c.members.length,
      joined: c.members.length - stayed,
      left: before - stayed,
    };
    if (from.length === 0) out.push({ ...base, kind: 'born', into: [c.id] });
    else if (from.length > 1) out.push({ ...base, kind: 'merged', into: [c.id] });
    else if (succ[from[0]!]!.length > 1) out.push({ ...base, kind: 'split', into: ids(succ[from[0]!]!, current) });
    else if (c.members.length > before) out.push({ ...base, kind: 'grew', into: [c.id] });
    else if (c.members.length < before) out.push({ ...base, kind: 'shrank', into: [c.id] });
    else if (base.joined > 0) out.push({ ...base, kind: 'changed', into: [c.id] });
  });
  // Previous rings whose id did not carry on: say where they went.
  previous.forEach((p, pi) => {
    if (currentIds.has(p.id)) return;
    const into = succ[pi]!;
    const base = { ringId: p.id, from: [p.id], sizeBefore: p.members.length, sizeAfter: 0, joined: 0 };
    if (into.length === 0) out.push({ ...base, kind: 'dissolved', into: [], left: p.members.length });
    else if (into.length > 1) out.push({ ...base, kind: 'split', into: ids(into, current), left: p.members.length });
    else if (pred[into[0]!]!.length > 1) out.push({ ...base, kind: 'merged', into: ids(into, current), left: 0 });
    // else: the ring carries on under a new id (its successor's entry says where it came from).
  });
  return out;
}
