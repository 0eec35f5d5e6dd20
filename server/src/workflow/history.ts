// Reading ring history: one ring's changes across runs, and everything that changed in one run.
import type { Database } from '../db/database.js';
import type { RingChange, RingChangeKind } from './ring-history.js';

/** A stored ring change: what ringChanges() found, with the detection run that recorded it. */
export interface RingChangeView extends RingChange {
  runId: string;
  at: string;
}

const toView = (r: Record<string, unknown>): RingChangeView => ({
  runId: String(r.runId),
  at: String(r.at),
  ringId: String(r.ringId),
  kind: r.kind as RingChangeKind,
  from: (r.from as string[]) ?? [],
  into: (r.into as string[]) ?? [],
  sizeBefore: Number(r.sizeBefore),
  sizeAfter: Number(r.sizeAfter),
  joined: Number(r.joined),
  left: Number(r.left),
});

export async function ringHistory(db: Database, ringId: string): Promise<RingChangeView[]> {
  return (await db.read('workflow/ring-changes', { ringId })).map(toView);
}

export async function runChanges(db: Database, runId: string | null): Promise<RingChangeView[]> {
  return (await db.read('workflow/run-changes', { runId })).map(toView);
}

/** One line per change, in words: "R-1 merged from R-1, R-2 (8 → 16 accounts)". */
export function describeChange(c: RingChangeView): string {
  const sizes = `${c.sizeBefore} → ${c.sizeAfter} accounts`;
  switch (c.kind) {
    case 'born':
      return `${c.ringId} born (${c.sizeAfter} accounts)`;
    case 'merged':
      return c.sizeAfter === 0
        ? `${c.ringId} merged into ${c.into.join(', ')}`
        : `${c.ringId} merged from ${c.from.join(', ')} (${sizes})`;
    case 'split':
      return `${c.ringId} split: ${c.from.join(', ')} into ${c.into.join(', ')} (${sizes})`;
    case 'dissolved':
      return `${c.ringId} dissolved (${c.sizeBefore} accounts)`;
    default:
      return `${c.ringId} ${c.kind} (${sizes}; ${c.joined} joined, ${c.left} left)`;
  }
}
