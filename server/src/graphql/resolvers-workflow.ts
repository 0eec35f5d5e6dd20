// Resolvers for the investigator workflow: the triage queue and triaging a ring, attack types,
// and ring history. Viewers read; investigators (and above) triage.
import type { Database } from '../db/database.js';
import { ATTACK_TYPES, attackTypeTitle, isAttackType, type AttackType } from '../model/attack-types.js';
import { describeChange, ringHistory, runChanges, type RingChangeView } from '../workflow/history.js';
import {
  getTriage,
  isTriageStatus,
  listDataSources,
  listTriage,
  updateTriage,
  type RingTriage,
  type TriageStatus,
} from '../workflow/triage.js';
import { cursorArg, intArg, pageOf, scoreArg, timeArg } from './arguments.js';
import { requireRole } from './auth.js';
import type { Context } from './context.js';
import { apiError, badInput } from './errors.js';

type GqlStatus = 'NEW' | 'INVESTIGATING' | 'CONFIRMED' | 'DISMISSED';
const toGql = (s: TriageStatus | null) => (s ? (s.toUpperCase() as GqlStatus) : null);
const fromGql = (s: GqlStatus): TriageStatus => {
  const v = s.toLowerCase();
  if (!isTriageStatus(v)) throw badInput(`status: '${s}' is not a triage status`);
  return v;
};

const ringKey = (id: string) => (id.startsWith('Ring:') ? id.slice(5) : id);

function triageView(t: RingTriage) {
  return { ...t, status: toGql(t.status), events: t.events.map((e) => ({ ...e, status: toGql(e.status) })) };
}

function verdict(type: unknown, confidence: unknown, evidenceJson: unknown = null) {
  if (typeof type !== 'string' || !isAttackType(type)) return null;
  let evidence: string[] = [];
  try {
    const scores = JSON.parse(String(evidenceJson ?? '[]')) as { type: string; evidence: string[] }[];
    evidence = scores.find((s) => s.type === type)?.evidence ?? [];
  } catch {
    evidence = [];
  }
  return { type, title: attackTypeTitle(type as AttackType), confidence: Number(confidence ?? 0), evidence };
}

const changeView = (c: RingChangeView) => ({ ...c, description: describeChange(c) });

interface TriageArgs {
  statuses?: GqlStatus[] | null;
  assignee?: string | null;
  attackType?: string | null;
  minScore: number;
  since?: string | null;
  until?: string | null;
  source?: string | null;
  first: number;
  after?: string | null;
}

export function buildWorkflowResolvers(db: Database) {
  return {
    Query: {
      triage: async (_: unknown, a: TriageArgs, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        if (a.attackType && !isAttackType(a.attackType))
          throw badInput(
            `attackType: '${a.attackType.slice(0, 40)}' is not one of ${ATTACK_TYPES.map((t) => t.id).join(', ')}`,
          );
        const skip = cursorArg(a.after);
        const { rows, total } = await listTriage(db, {
          statuses: a.statuses?.length ? a.statuses.map(fromGql) : null,
          assignee: a.assignee ?? null,
          attackType: (a.attackType as AttackType | null | undefined) ?? null,
          minScore: scoreArg('minScore', a.minScore),
          since: timeArg('since', a.since),
          until: timeArg('until', a.until),
          source: a.source?.trim() ? a.source.trim() : null,
          first: intArg('first', a.first, 1, 200),
          skip,
        });
        return pageOf(
          rows.map((r) => ({ ...r, status: toGql(r.status), attack: verdict(r.attackType, r.attackConfidence) })),
          skip,
          total,
        );
      },
      dataSources: async (_: unknown, __: unknown, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        return listDataSources(db);
      },
      ringChanges: async (_: unknown, a: { runId?: string | null }, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        return (await runChanges(db, a.runId ?? null)).map(changeView);
      },
      attackTypes: (_: unknown, __: unknown, ctx: Context) => {
        requireRole(ctx.caller, 'viewer');
        return ATTACK_TYPES;
      },
    },
    Mutation: {
      triageRing: async (
        _: unknown,
        a: { id: string; status?: GqlStatus | null; assignee?: string | null; note?: string | null },
        ctx: Context,
      ) => {
        requireRole(ctx.caller, 'investigator');
        const id = ringKey(a.id);
        if (!a.status && a.assignee == null && !a.note?.trim())
          throw badInput('triageRing: give a status, an assignee or a note');
        if (a.assignee && a.assignee.length > 80) throw badInput('assignee: at most 80 characters');
        if (a.note && a.note.length > 4000) throw badInput('note: at most 4000 characters');
        const exists = await db.read('workflow/ring-attack', { ringId: id });
        if (!exists.length) throw apiError('NOT_FOUND', `ring ${id} not found (detection may have been re-run)`);
        const t = await updateTriage(
          db,
          id,
          { status: a.status ? fromGql(a.status) : null, assignee: a.assignee ?? null, note: a.note ?? null },
          ctx.caller.name,
        );
        return triageView(t);
      },
    },
    Ring: {
      triage: async (r: { id: string }) => triageView(await getTriage(db, r.id)),
      attack: async (r: { id: string }) => {
        const row = (await db.read('workflow/ring-attack', { ringId: r.id }))[0];
        return row ? verdict(row.type, row.confidence, row.evidence) : null;
      },
      history: async (r: { id: string }) => (await ringHistory(db, r.id)).map(changeView),
    },
  };
}
