// Replaces the stored detection result in one transaction: the rings with their reasons, and each
// account's risk with its reasons.
import type { Database } from '../db/database.js';
import type { Reason } from '../model/reasons.js';

export async function writeResult(
  db: Database,
  rings: { id: string; score: number; size: number; members: string[]; reasons: Reason[] }[],
  accounts: { id: string; risk: number; reasons: Reason[] }[],
): Promise<void> {
  await db.writeTx(
    async (tx) => {
      await tx.run('detect/clear-rings');
      for (let i = 0; i < rings.length; i += 500) {
        await tx.run('detect/write-rings', {
          rings: rings.slice(i, i + 500).map((r) => ({
            id: r.id,
            score: r.score,
            size: r.size,
            members: r.members,
            reasonCodes: r.reasons.map((x) => x.code),
            reasonsJson: JSON.stringify(r.reasons),
          })),
        });
      }
      for (let i = 0; i < accounts.length; i += 5000) {
        await tx.run('detect/write-account-risk', {
          rows: accounts
            .slice(i, i + 5000)
            .map((a) => ({ key: a.id, risk: a.risk, reasons: JSON.stringify(a.reasons) })),
        });
      }
    },
    { timeoutMs: 0 },
  );
}
