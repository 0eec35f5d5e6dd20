// Ring triage: status (new → investigating → confirmed | dismissed), assignee and notes on a ring,
// each change with who and when in an audit trail, and the triage queue with its filters.
// Confirmed and dismissed rings become detection labels: a confirmed ring's members get the
// 'confirmed-fraud' tag (a positive for account risk), a dismissed ring the 'dismissed' tag (its
// members are negatives, detect/dismissed-rings).
import type { Database } from '../db/database.js';
import type { Reason } from '../model/reasons.js';
import type { AttackType } from '../model/attack-types.js';

export const TRIAGE_STATUSES = ['new', 'investigating', 'confirmed', 'dismissed'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

export function isTriageStatus(s: string): s is TriageStatus {
  return (TRIAGE_STATUSES as readonly string[]).includes(s);
}

export interface TriageEvent {
  at: string;
  by: string;
  action: 'status' | 'assign' | 'note';
  status: TriageStatus | null;
  assignee: string | null;
  note: string | null;
}

export interface RingTriage {
  ringId: string;
  status: TriageStatus;
  assignee: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
  events: TriageEvent[];
}

export interface TriageChange {
  status?: TriageStatus | null;
  /** '' clears the assignee; null or absent leaves it. */
  assignee?: string | null;
  note?: string | null;
}

const parseEvents = (v: unknown): TriageEvent[] =>
  Array.isArray(v) ? v.map((e) => JSON.parse(String(e)) as TriageEvent).reverse() : [];

export async function getTriage(db: Database, ringId: string): Promise<RingTriage> {
  const row = (await db.read('workflow/triage-get', { ringId }))[0];
  if (!row) return { ringId, status: 'new', assignee: null, updatedAt: null, updatedBy: null, events: [] };
  return {
    ringId,
    status: isTriageStatus(String(row.status)) ? (row.status as TriageStatus) : 'new',
    assignee: typeof row.assignee === 'string' ? row.assignee : null,
    updatedAt: typeof row.updatedAt === 'string' ? row.updatedAt : null,
    updatedBy: typeof row.updatedBy === 'string' ? row.updatedBy : null,
    events: parseEvents(row.events),
  };
}

export async function updateTriage(
  db: Database,
  ringId: string,
  change: TriageChange,
  by: string,
): Promise<RingTriage> {
  const at = new Date().toISOString();
  const status = change.status ?? null;
  const assignee = change.assignee === undefined ? null : change.assignee;
  const note = change.note?.trim() ? change.note.trim() : null;
  const action: TriageEvent['action'] = status ? 'status' : assignee !== null ? 'assign' : 'note';
  const event: TriageEvent = { at, by, action, status, assignee, note };
  const audit = (tag: string, what: string) => JSON.stringify({ tag, note: `${what} (ring ${ringId})`, by, at });
  await db.writeTx(async (tx) => {
    await tx.run('workflow/triage-update', { ringId, status, assignee, by, event: JSON.stringify(event) });
    await tx.run('workflow/triage-confirm-members', { ringId, audit: audit('confirmed-fraud', 'ring confirmed') });
    await tx.run('workflow/triage-unconfirm-members', {
      ringId,
      audit: audit('confirmed-fraud', `removed: ring no longer confirmed`),
    });
  });
  return getTriage(db, ringId);
}

export interface TriageFilter {
  statuses: TriageStatus[] | null;
  assignee: string | null;
  attackType: AttackType | null;
  minScore: number;
  since: string | null;
  until: string | null;
  /** Only rings with a member seen in this data source (ingest file name or --source). */
  source: string | null;
  first: number;
  skip: number;
}

export interface TriageRow {
  id: string;
  score: number;
  size: number;
  reasons: Reason[];
  detectedAt: string | null;
  firstDetectedAt: string | null;
  attackType: AttackType | null;
  attackConfidence: number | null;
  status: TriageStatus;
  assignee: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
  /** Data sources its members were seen in. */
  sources: string[];
}

export async function listTriage(db: Database, f: TriageFilter): Promise<{ rows: TriageRow[]; total: number }> {
  const rows = await db.read('workflow/triage-list', { ...f });
  const total = Number(rows[0]?.total ?? 0);
  return {
    total,
    rows: rows
      .filter((r) => r.id !== null)
      .map((r) => ({
        id: String(r.id),
        score: Number(r.score),
        size: Number(r.size),
        reasons: JSON.parse(String(r.reasons ?? '[]')) as Reason[],
        detectedAt: (r.detectedAt as string | null) ?? null,
        firstDetectedAt: (r.firstDetectedAt as string | null) ?? null,
        attackType: (r.attackType as AttackType | null) ?? null,
        attackConfidence: r.attackConfidence === null ? null : Number(r.attackConfidence),
        status: isTriageStatus(String(r.status)) ? (r.status as TriageStatus) : 'new',
        assignee: (r.assignee as string | null) ?? null,
        updatedAt: (r.updatedAt as string | null) ?? null,
        updatedBy: (r.updatedBy as string | null) ?? null,
        sources: (r.sources as string[] | null) ?? [],
      })),
  };
}

/** The data sources loaded, by name (ingest --source, or each file's name without extensions). */
export async function listDataSources(db: Database): Promise<string[]> {
  return (await db.read('workflow/data-sources')).map((r) => String(r.source));
}
