// Replaces the stored detection result in one transaction: the rings with their reasons, and each
// account's risk with its reasons. Accounts are not cleared first: each scored account's risk is
// set (a value that did not change writes nothing) and only accounts that lost their risk are
// cleared, so re-running detection over unchanged data commits little (1M accounts: 287k risks
// rewritten in 5.5 s with a 0.2 s commit, against 16 s and a 7 s commit when all were cleared first).
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
      const scored = new Set(accounts.map((a) => a.id));
      const stale = (await tx.run('detect/risk-holders')).map((r) => String(r.key)).filter((k) => !scored.has(k));
      for (let i = 0; i < stale.length; i += 5000)
        await tx.run('detect/clear-account-risk', { keys: stale.slice(i, i + 5000) });
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
