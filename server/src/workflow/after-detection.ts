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

async function classifyRings(db: Database, ids: string[]): Promise<number> {
  let typed = 0;
  for (let i = 0; i < ids.length; i += 200) {
    const rows = await db.read('workflow/ring-evidence', { ids: ids.slice(i, i + 200) }, { timeoutMs: 0 });
    const out = rows.map((r) => {
      const verdict = classifyAttack(r as unknown as RingEvidence);
      if (verdict.type) typed++;
      return {
        id: String(r.id),
        type: verdict.type,
        confidence: verdict.confidence,
        evidence: JSON.stringify(verdict.scores.slice(0, 3)),
      };
    });
    await db.write('workflow/write-attack-types', { rows: out }, { timeoutMs: 0 });
  }
  return typed;
}

export async function afterDetection(
  db: Database,
  previous: RingMembers[],
  current: RingMembers[],
): Promise<AfterDetection> {
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
  const typed = await classifyRings(
    db,
    current.map((r) => r.id),
  );
  return { runId, changes: changes.length, typed };
}
