// Replaces the stored detection result: the rings with their reasons in one transaction, then each
// account's risk with its reasons in bounded transactions (see writeResult). Accounts are not
// cleared first: only accounts whose risk or reasons changed are written, and only accounts that
// lost their risk are cleared, so re-running detection over unchanged data sends and commits
// little. Each written account also gets `riskDigest`, a fingerprint of its risk and reasons that
// the next run reads back to skip the unchanged ones: at 1M accounts, sending 287k unchanged risks
// (62 MB of reasons) to be matched and compared took 14.8 s of a 20 s write step. Only detection
// writes an account's risk.
import { createHash } from 'node:crypto';
import type { Database } from '../db/database.js';
import type { Reason } from '../model/reasons.js';

/** A fingerprint of an account's risk and reasons (JSON text): equal digests, nothing to write. */
export function riskDigest(risk: number, reasons: string): string {
  return createHash('sha1').update(`${risk}\u0000${reasons}`).digest('base64url').slice(0, 16);
}

const ACCOUNTS_PER_STATEMENT = 5000;
/**
 * Account risks are written this many to a transaction. One transaction for all of them held every
 * change in Neo4j's memory until the commit: at 1M accounts (287k risks, their reasons and digests)
 * it passed the server's 2 GB transaction memory cap and the whole run failed.
 */
const ACCOUNTS_PER_TRANSACTION = 25_000;

/** Runs `statement` over `items` in one transaction, ACCOUNTS_PER_STATEMENT items at a time as `param`. */
async function inOneTransaction(db: Database, statement: string, param: string, items: unknown[]): Promise<void> {
  await db.writeTx(
    async (tx) => {
      for (let i = 0; i < items.length; i += ACCOUNTS_PER_STATEMENT)
        await tx.run(statement, { [param]: items.slice(i, i + ACCOUNTS_PER_STATEMENT) });
    },
    { timeoutMs: 0 },
  );
}

/**
 * Writes the result; says how many accounts' risk it wrote and cleared (the rest were unchanged).
 * The rings are replaced in one transaction; account risks follow in transactions of
 * ACCOUNTS_PER_TRANSACTION, two at a time, so a reader may briefly see some accounts with the
 * previous run's risk, and a run that fails part way leaves them so until the next run (which
 * writes what differs).
 */
export async function writeResult(
  db: Database,
  rings: { id: string; score: number; size: number; members: string[]; reasons: Reason[] }[],
  accounts: { id: string; risk: number; reasons: Reason[] }[],
): Promise<{ riskWritten: number; riskCleared: number }> {
  // Accounts holding a risk from an earlier run, with the digest of what they hold.
  const held = new Map<string, unknown>();
  await db.writeTx(
    async (tx) => {
      held.clear();
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
      // Streamed into the map: at 1M accounts, 286k holders as records at once were about 100 MB
      // on top of the map, in the step with detection's peak RSS.
      await tx.stream('detect/risk-holders', {}, (r) => held.set(String(r.key), r.digest));
    },
    { timeoutMs: 0 },
  );
  // Two transactions at a time: Neo4j executes one while the other commits, and Node prepares the
  // next rows meanwhile (the accounts are distinct, so they never wait on each other's locks).
  let riskWritten = 0;
  const inFlight = new Set<Promise<void>>();
  let rows: { key: string; risk: number; reasons: string; digest: string }[] = [];
  const flush = async () => {
    if (!rows.length) return;
    const chunk = rows;
    rows = [];
    const written = inOneTransaction(db, 'detect/write-account-risk', 'rows', chunk).then(() => {
      riskWritten += chunk.length;
    });
    inFlight.add(written);
    written.then(
      () => inFlight.delete(written),
      () => {}, // stays in the set: Promise.all below reports it
    );
    if (inFlight.size >= 2) await Promise.race(inFlight);
  };
  for (const a of accounts) {
    const reasons = JSON.stringify(a.reasons);
    const digest = riskDigest(a.risk, reasons);
    const before = held.get(a.id);
    held.delete(a.id);
    if (before === digest) continue;
    rows.push({ key: a.id, risk: a.risk, reasons, digest });
    if (rows.length >= ACCOUNTS_PER_TRANSACTION) await flush();
  }
  await flush();
  await Promise.all(inFlight);
  // What is left held a risk and has none in this run.
  const stale = [...held.keys()];
  for (let i = 0; i < stale.length; i += ACCOUNTS_PER_TRANSACTION) {
    await inOneTransaction(db, 'detect/clear-account-risk', 'keys', stale.slice(i, i + ACCOUNTS_PER_TRANSACTION));
  }
  return { riskWritten, riskCleared: stale.length };
}
