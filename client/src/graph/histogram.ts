// Activity over time, pure: bins of link events (each link counts at its first and last event,
// weighted by its event count) between the earliest and latest time on the canvas.
export interface Bins {
  min: number;
  max: number;
  counts: number[];
}

export function activityBins(links: { first: number | null; last: number | null; count: number }[], bins = 60): Bins {
  const times = links.flatMap((l) => [l.first, l.last]).filter((t): t is number => t !== null && Number.isFinite(t));
  if (!times.length) return { min: 0, max: 0, counts: [] };
  const min = Math.min(...times);
  const max = Math.max(...times);
  const counts = new Array<number>(bins).fill(0);
  const at = (t: number) => (max > min ? Math.min(bins - 1, Math.floor(((t - min) / (max - min)) * bins)) : 0);
  for (const l of links) {
    const f = l.first ?? l.last;
    const t = l.last ?? l.first;
    if (f === null || t === null) continue;
    // A link with several events spreads them over its first..last span.
    const a = at(f);
    const b = at(t);
    for (let i = a; i <= b; i++) counts[i]! += Math.max(1, l.count) / (b - a + 1);
  }
  return { min, max, counts };
}
