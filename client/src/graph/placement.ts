// Incremental placement, pure: where new nodes go when an expand adds them to a picture the
// investigator has already arranged. Nodes already on the canvas never move; each new node goes
// on rings around the first neighbour that is already placed, starting on the side facing away
// from the rest of the picture, in a free slot (no closer than MIN_GAP to any node).
export interface Point {
  x: number;
  y: number;
}

export const MIN_GAP = 34;
const FIRST_RADIUS = 80;
const RING_STEP = 44;

/** A grid of cells for "is anything within MIN_GAP of here" without scanning every node. */
class Occupancy {
  private cells = new Map<string, Point[]>();
  private key = (cx: number, cy: number) => `${cx},${cy}`;
  add(p: Point): void {
    const k = this.key(Math.floor(p.x / MIN_GAP), Math.floor(p.y / MIN_GAP));
    const list = this.cells.get(k);
    if (list) list.push(p);
    else this.cells.set(k, [p]);
  }
  free(p: Point): boolean {
    const cx = Math.floor(p.x / MIN_GAP);
    const cy = Math.floor(p.y / MIN_GAP);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const q of this.cells.get(this.key(cx + dx, cy + dy)) ?? [])
          if (Math.hypot(p.x - q.x, p.y - q.y) < MIN_GAP) return false;
    return true;
  }
}

/**
 * Positions for `fresh` nodes (each with the ids of its neighbours) next to the `placed` ones.
 * Returns positions for the fresh nodes only; `placed` is never changed.
 */
export function placeNew(
  fresh: { id: string; neighbours: string[] }[],
  placed: Map<string, Point>,
): Map<string, Point> {
  const out = new Map<string, Point>();
  const occ = new Occupancy();
  let sx = 0;
  let sy = 0;
  for (const p of placed.values()) {
    occ.add(p);
    sx += p.x;
    sy += p.y;
  }
  const centre = placed.size ? { x: sx / placed.size, y: sy / placed.size } : { x: 0, y: 0 };
  const where = (id: string) => placed.get(id) ?? out.get(id);

  // Group the new nodes by the anchor they will circle; nodes reached only through other new
  // nodes wait for those to be placed (a few passes settle depth-2 expansions and paths).
  let waiting = fresh;
  for (let pass = 0; waiting.length && pass < 6; pass++) {
    const groups = new Map<string, string[]>();
    const later: typeof fresh = [];
    for (const f of waiting) {
      const anchor = f.neighbours.find((n) => where(n));
      if (anchor) groups.set(anchor, [...(groups.get(anchor) ?? []), f.id]);
      else later.push(f);
    }
    if (!groups.size) break;
    for (const [anchor, ids] of groups) ring(where(anchor)!, ids);
    waiting = later;
  }
  // Nothing to hang on to (an unconnected search hit): around the centre of the picture.
  if (waiting.length)
    ring(
      centre,
      waiting.map((f) => f.id),
      true,
    );
  return out;

  function ring(a: Point, ids: string[], fromCentre = false): void {
    const away = fromCentre || (a.x === centre.x && a.y === centre.y) ? 0 : Math.atan2(a.y - centre.y, a.x - centre.x);
    let i = 0;
    for (let r = FIRST_RADIUS; i < ids.length && r < FIRST_RADIUS + RING_STEP * 60; r += RING_STEP) {
      const slots = Math.max(6, Math.floor((2 * Math.PI * r) / MIN_GAP));
      const step = (2 * Math.PI) / slots;
      // Slots alternate either side of the "away" direction, so a few new nodes sit outside.
      for (let s = 0; s < slots && i < ids.length; s++) {
        const k = s % 2 ? Math.ceil(s / 2) : -s / 2;
        const angle = away + k * step;
        const p = { x: a.x + r * Math.cos(angle), y: a.y + r * Math.sin(angle) };
        if (!occ.free(p)) continue;
        occ.add(p);
        out.set(ids[i++]!, p);
      }
    }
    // Pathologically crowded: stack the rest below everything rather than lose them.
    for (; i < ids.length; i++) out.set(ids[i]!, { x: a.x, y: a.y + FIRST_RADIUS + RING_STEP * (60 + i) });
  }
}
