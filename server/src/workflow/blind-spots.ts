// The API asset table as analysts see it (every API with its tags and use by flagged accounts),
// analysts' edits of an API's tags with audit, and defence blind spots: abused APIs without a
// protective control, overall or for one ring, ranked by abuse volume and money at stake.
import type { Database } from '../db/database.js';
import { PROTECTIVE_CONTROLS, isProtected } from '../model/controls.js';
import { FLAG_THRESHOLD } from '../model/thresholds.js';

export interface ApiAssetView {
  key: string;
  method: string | null;
  path: string | null;
  domain: string | null;
  sensitivity: string | null;
  controls: string[];
  tags: string[];
  protected: boolean;
  callers: number;
  calls: number;
  flaggedCallers: number;
  flaggedCalls: number;
  audit: { tag: string; note: string | null; by: string; at: string }[];
}

export interface BlindSpot {
  key: string;
  domain: string | null;
  sensitivity: string | null;
  controls: string[];
  abusers: number;
  calls: number;
  money: number;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

export async function apiAssets(db: Database): Promise<ApiAssetView[]> {
  const rows = await db.read('workflow/api-assets', { flag: FLAG_THRESHOLD });
  return rows.map((r) => {
    const controls = (r.controls as string[]) ?? [];
    return {
      key: String(r.key),
      method: str(r.method),
      path: str(r.path),
      domain: str(r.domain),
      sensitivity: str(r.sensitivity),
      controls,
      tags: (r.tags as string[]) ?? [],
      protected: isProtected(controls),
      callers: Number(r.callers),
      calls: Number(r.calls),
      flaggedCallers: Number(r.flaggedCallers),
      flaggedCalls: Number(r.flaggedCalls),
      audit: ((r.flags as string[]) ?? []).map((f) => JSON.parse(f) as ApiAssetView['audit'][number]).reverse(),
    };
  });
}

export async function blindSpots(db: Database, ringId: string | null, limit: number): Promise<BlindSpot[]> {
  const rows = ringId
    ? await db.read('workflow/ring-blind-spots', { ringId, protective: PROTECTIVE_CONTROLS, limit })
    : await db.read('workflow/blind-spots', { protective: PROTECTIVE_CONTROLS, flag: FLAG_THRESHOLD, limit });
  return rows.map((r) => ({
    key: String(r.key),
    domain: str(r.domain),
    sensitivity: str(r.sensitivity),
    controls: (r.controls as string[]) ?? [],
    abusers: Number(r.abusers),
    calls: Number(r.calls),
    money: Math.round(Number(r.money) * 100) / 100,
  }));
}

export interface ApiEdit {
  controls: string[] | null;
  sensitivity: string | null;
  domain: string | null;
  note: string | null;
}

/** Applies an analyst's edit; false when there is no such API. */
export async function updateApiAsset(db: Database, key: string, edit: ApiEdit, by: string): Promise<boolean> {
  const what = [
    edit.controls ? `controls: ${edit.controls.join(', ') || 'none'}` : '',
    edit.sensitivity ? `sensitivity: ${edit.sensitivity}` : '',
    edit.domain ? `domain: ${edit.domain}` : '',
  ].filter(Boolean);
  const audit = JSON.stringify({ tag: what.join('; ') || 'note', note: edit.note, by, at: new Date().toISOString() });
  const rows = await db.write('workflow/api-update', { key, ...edit, audit });
  return rows.length > 0;
}
