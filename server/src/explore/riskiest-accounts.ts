// Read service: accounts ranked by risk with their reasons and ring, for the CLI `risk` command,
// the GraphQL `accounts(orderBy: RISK)` list and the web app's "Riskiest accounts".
import type { Database } from '../db/database.js';
import type { Reason } from '../model/reasons.js';

export interface RiskyAccount {
  id: string;
  key: string;
  risk: number;
  ring: string | null;
  label: string | null;
  tags: string[];
  reasons: Reason[];
}

export function parseReasons(text: unknown): Reason[] {
  if (typeof text !== 'string' || !text) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? (parsed as Reason[]) : [];
  } catch {
    return [];
  }
}

export async function riskiestAccounts(
  db: Database,
  opts: { minRisk: number; first: number; skip: number; timeoutMs?: number },
): Promise<{ accounts: RiskyAccount[]; total: number }> {
  const run = opts.timeoutMs === undefined ? undefined : { timeoutMs: opts.timeoutMs };
  const rows = await db.read(
    'explore/riskiest-accounts',
    { minRisk: opts.minRisk, first: opts.first, skip: opts.skip },
    run,
  );
  const total = Number((await db.read('explore/risky-account-count', { minRisk: opts.minRisk }, run))[0]?.total ?? 0);
  return {
    total,
    accounts: rows.map((r) => ({
      id: `Account:${String(r.key)}`,
      key: String(r.key),
      risk: Number(r.risk),
      ring: r.ring === null ? null : String(r.ring),
      label: r.label === null ? null : String(r.label),
      tags: (r.tags as string[]) ?? [],
      reasons: parseReasons(r.reasons),
    })),
  };
}

/** One account's risk, reasons and strongest ring; undefined when there is no such account. */
export async function accountRisk(db: Database, key: string): Promise<RiskyAccount | undefined> {
  const r = (await db.read('explore/account-risk', { key }))[0];
  if (!r) return undefined;
  return {
    id: `Account:${String(r.key)}`,
    key: String(r.key),
    risk: r.risk === null ? 0 : Number(r.risk),
    ring: r.ring === null ? null : String(r.ring),
    label: r.label === null ? null : String(r.label),
    tags: (r.tags as string[]) ?? [],
    reasons: parseReasons(r.reasons),
  };
}
