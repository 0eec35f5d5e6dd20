// Detection quality: flagged accounts (account risk >= flagScore, which ring members reach through
// their ring's score) against the planted rings of truth.json (member precision/recall/F1, rings
// found per scenario, ring purity, legit crowds flagged) and/or against fraud/legit labels stored
// on accounts: precision and recall at the threshold, PR-AUC and top-1%/5% lift. Stored risk of a
// labelled account is out of fold (detection never scores an account with its own label), so the
// label evaluation is held out.
import fs from 'node:fs';
import type { Database } from '../db/database.js';
import { rankingQuality, type RankingQuality } from './risk-metrics.js';

interface Truth {
  rings: { id: string; scenario: string; members: string[] }[];
  legitGroups?: { kind: string; members: string[] }[];
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  flagged: number;
  actual: number;
}

export interface Evaluation {
  /** Rings at or above this score count as flagged (FLAG_THRESHOLD unless told otherwise). */
  flagScore: number;
  ringsFlagged: number;
  accountsFlagged: number;
  truth?: {
    members: Prf;
    ringsPlanted: number;
    ringsFound: number;
    byScenario: Record<string, { planted: number; found: number; recall: number }>;
    meanPurity: number;
    legitGroupsFlagged: Record<string, number>;
  };
  labels?: RankingQuality;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

function prf(tp: number, flagged: number, actual: number): Prf {
  const precision = flagged ? tp / flagged : 0;
  const recall = actual ? tp / actual : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: r3(precision), recall: r3(recall), f1: r3(f1), truePositives: tp, flagged, actual };
}

export async function evaluate(
  db: Database,
  opts: { truthFile?: string | undefined; labels: boolean; flagScore: number },
): Promise<Evaluation> {
  const rings = (await db.read('detect/rings-with-members', {}, { timeoutMs: 0 }))
    .map((r) => ({ id: String(r.id), score: Number(r.score), members: r.members as string[] }))
    .filter((r) => r.score >= opts.flagScore);
  const flagged = new Set(
    (await db.read('detect/flagged-accounts', { minRisk: opts.flagScore }, { timeoutMs: 0 })).map((r) => String(r.key)),
  );
  const result: Evaluation = { flagScore: opts.flagScore, ringsFlagged: rings.length, accountsFlagged: flagged.size };

  if (opts.truthFile) {
    const truth = JSON.parse(fs.readFileSync(opts.truthFile, 'utf8')) as Truth;
    const fraud = new Map<string, number>();
    truth.rings.forEach((r, i) => r.members.forEach((m) => fraud.set(m, i)));
    const tp = [...flagged].filter((m) => fraud.has(m)).length;
    const byScenario: Record<string, { planted: number; found: number; recall: number }> = {};
    let found = 0;
    for (const r of truth.rings) {
      const hit = r.members.filter((m) => flagged.has(m)).length / r.members.length >= 0.5;
      const s = (byScenario[r.scenario] ??= { planted: 0, found: 0, recall: 0 });
      s.planted++;
      if (hit) {
        s.found++;
        found++;
      }
    }
    for (const s of Object.values(byScenario)) s.recall = r3(s.found / s.planted);
    // Purity: the share of a detected ring's members that belong to its dominant planted ring.
    const purities = rings.map((r) => {
      const counts = new Map<number, number>();
      for (const m of r.members) {
        const t = fraud.get(m);
        if (t !== undefined) counts.set(t, (counts.get(t) ?? 0) + 1);
      }
      return Math.max(0, ...counts.values()) / r.members.length;
    });
    const legitGroupsFlagged: Record<string, number> = {};
    for (const g of truth.legitGroups ?? []) {
      if (g.members.filter((m) => flagged.has(m)).length / g.members.length >= 0.5) {
        legitGroupsFlagged[g.kind] = (legitGroupsFlagged[g.kind] ?? 0) + 1;
      }
    }
    result.truth = {
      members: prf(tp, flagged.size, fraud.size),
      ringsPlanted: truth.rings.length,
      ringsFound: found,
      byScenario,
      meanPurity: r3(purities.length ? purities.reduce((a, b) => a + b, 0) / purities.length : 0),
      legitGroupsFlagged,
    };
  }

  if (opts.labels) {
    const rows = await db.read('detect/account-labels', {}, { timeoutMs: 0 });
    result.labels = rankingQuality(
      rows.map((r) => ({ score: r.risk === null ? 0 : Number(r.risk), fraud: r.label === 'fraud' })),
      opts.flagScore,
    );
  }
  return result;
}

export function formatEvaluation(e: Evaluation): string {
  const lines = [
    `rings flagged (score >= ${e.flagScore}): ${e.ringsFlagged}; accounts flagged (risk >= ${e.flagScore}): ${e.accountsFlagged}`,
  ];
  if (e.truth) {
    const m = e.truth.members;
    lines.push(
      `truth: member precision ${m.precision}, recall ${m.recall}, F1 ${m.f1} (${m.truePositives} of ${m.flagged} flagged are planted; ${m.actual} planted)`,
      `truth: rings found ${e.truth.ringsFound} of ${e.truth.ringsPlanted}, mean purity ${e.truth.meanPurity}`,
    );
    for (const [s, v] of Object.entries(e.truth.byScenario)) lines.push(`  ${s}: ${v.found}/${v.planted} found`);
    const legit = Object.entries(e.truth.legitGroupsFlagged);
    lines.push(`legit groups flagged: ${legit.length ? legit.map(([k, v]) => `${k} ${v}`).join(', ') : 'none'}`);
  }
  if (e.labels) {
    const l = e.labels;
    lines.push(
      `labels (held out): precision ${l.precision}, recall ${l.recall} at risk >= ${l.threshold} (${l.truePositives} of ${l.flagged} flagged; ${l.labelled} labelled accounts, ${l.fraud} fraud)`,
      `labels (held out): PR-AUC ${l.prAuc}, lift top 1% ${l.liftTop1}x, top 5% ${l.liftTop5}x`,
    );
  }
  return lines.join('\n');
}
