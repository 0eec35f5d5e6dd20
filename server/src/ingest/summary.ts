// What an ingest run reports: per file the rows read, accepted, rejected and skipped (the three add
// up to rows read), what was created, and the plan's columns (nothing dropped without being listed).
import type { Kind } from './fields.js';
import type { ColumnPlan } from './plan.js';
import type { RunPlan } from './plan-run.js';

export interface FileSummary {
  file: string;
  kind: Kind | null;
  rowsRead: number;
  accepted: number;
  rejected: number;
  /** Rows left out on purpose (e.g. self-links); `skipReasons` says why. rowsRead = accepted + rejected + skipped. */
  skipped: number;
  skipReasons: Record<string, number>;
  rejectsFile: string | null;
  nodesCreated: number;
  relationshipsCreated: number;
  seconds: number;
  /** The plan's columns for this file: role, evidence, confidence (empty when it was not planned). */
  columns: ColumnPlan[];
  /** Rows already committed by an earlier run (resume), 0 for a fresh file. */
  resumedFrom: number;
  error?: string;
}

export interface IngestSummary {
  files: FileSummary[];
  /** The plan every file was ingested by (also when it stopped the run). */
  plan?: RunPlan;
  /** True when the database went away: the files' errors say where each stopped; rerun to resume. */
  interrupted?: boolean;
  /** How batches were written: by ringscope's procedure or by Cypher statements (write-batch.ts). */
  writer?: 'procedure' | 'cypher';
  nodesCreated: number;
  relationshipsCreated: number;
  seconds: number;
}

export function emptySummary(file: string): FileSummary {
  return {
    file,
    kind: null,
    rowsRead: 0,
    accepted: 0,
    rejected: 0,
    skipped: 0,
    skipReasons: {},
    rejectsFile: null,
    nodesCreated: 0,
    relationshipsCreated: 0,
    seconds: 0,
    resumedFrom: 0,
    columns: [],
  };
}
