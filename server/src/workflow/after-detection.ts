// What the investigator workflow adds to each detection run, once the new rings are written:
// the run's ring history (born, grew, merged, split, …), each ring's attack type, and the triage
// labels put back on the rings whose ids survived. Called by detection-run.ts.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { classifyAttack, type RingEvidence } from './attack-type.js';
import { ringChanges, type RingMembers } from './ring-history.js';

export interface AfterDetection {
  runId: string;
  changes: number;
  typed: number;
}

/** Each ring's attack type and the evidence behind it, one row per ring, ready to write. */
export type RingVerdicts = { id: string; type: string | null; confidence: number; evidence: string }[];

/**
 * Reads what each ring's members did and names the ring's attack type. Members are read by key, so a
 * detection run starts this as soon as its rings are scored: Neo4j answers while the run computes
 * account risk in Node (the two used to take turns; at 1M accounts this read took 7-9 s on its own).
 * One statement for all rings: started before a synchronous step, it must already be on the wire.
 */
export async function readRingVerdicts(db: Database, rings: RingMembers[]): Promise<RingVerdicts> {
  if (!rings.length) return [];
  const rows = await db.read('workflow/ring-evidence', { rings }, { timeoutMs: 0 });
  return rows.map((r) => {
    const verdict = classifyAttack(r as unknown as RingEvidence);
    return {
      id: String(r.id),
      type: verdict.type,
      confidence: verdict.confidence,
      evidence: JSON.stringify(verdict.scores.slice(0, 3)),
    };
  });
}

/**
 * `verdicts`: the run's readRingVerdicts, started early; read here when not given. Written only after
 * the run's rings are, on the rings of this run.
 */
export async function afterDetection(
  db: Database,
  previous: RingMembers[],
  current: RingMembers[],
  verdicts: Promise<RingVerdicts> = readRingVerdicts(db, current),
): Promise<AfterDetection> {
  verdicts.catch(() => {}); // awaited below, after the ring history is written
  const runId = `run-${new Date().toISOString()}-${randomUUID().slice(0, 8)}`;
  const changes = ringChanges(previous, current);
  await db.writeTx(
    async (tx) => {
      await tx.run('workflow/record-ring-changes', {
        runId,
        at: new Date().toISOString(),
        ringCount: current.length,
        changes,
      });
      await tx.run('workflow/stamp-first-detected');
      await tx.run('workflow/triage-apply');
    },
    { timeoutMs: 0 },
  );
  const rows = await verdicts;
  for (let i = 0; i < rows.length; i += 1000)
    await db.write('workflow/write-attack-types', { rows: rows.slice(i, i + 1000) }, { timeoutMs: 0 });
  return { runId, changes: changes.length, typed: rows.filter((r) => r.type).length };
}
