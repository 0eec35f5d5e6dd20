// Ring ids that survive re-detection: a ring keeps the id of the previous ring it shares at least
// half of the union of members with; a new ring's id is a hash of its members.
import { createHash } from 'node:crypto';

/** Reuses the id of a previous ring that shares at least half of the union of members. */
export function stableIds<R extends { members: string[] }>(
  rings: R[],
  previous: { id: string; members: string[] }[],
): (R & { id: string })[] {
  const ringOf = new Map<string, number>();
  previous.forEach((p, i) => p.members.forEach((m) => ringOf.set(m, i)));
  const taken = new Set<number>();
  return rings.map((r) => {
    const overlap = new Map<number, number>();
    for (const m of r.members) {
      const p = ringOf.get(m);
      if (p !== undefined) overlap.set(p, (overlap.get(p) ?? 0) + 1);
    }
    let best: number | undefined;
    let bestJ = 0.5;
    for (const [p, shared] of overlap) {
      const union = r.members.length + previous[p]!.members.length - shared;
      const j = shared / union;
      if (j >= bestJ && !taken.has(p)) {
        best = p;
        bestJ = j;
      }
    }
    if (best !== undefined) {
      taken.add(best);
      return { ...r, id: previous[best]!.id };
    }
    const hash = createHash('sha1')
      .update([...r.members].sort().join('\n'))
      .digest('hex');
    return { ...r, id: `R-${hash.slice(0, 10)}` };
  });
}
