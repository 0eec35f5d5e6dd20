// Ring history over detection runs on generated data, with a planted merge (a device shared by
// two rings' members) and a planted split (that device later reported as a public terminal by
// intel, so sharing it says nothing); and the attack type named on each generator scenario's rings.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import type { DetectedRing } from '../../server/src/detect/detect.js';
import { detectRings } from '../../server/src/workflow/detection-run.js';
import { ingestFiles } from '../../server/src/ingest/ingest.js';
import { ringHistory, runChanges } from '../../server/src/workflow/history.js';
import { loadDataset, type Dataset } from '../helpers/dataset.js';
import { openTestDb, wipe } from '../helpers/neo4j.js';

let db: Database;
let data: Dataset;
let firstRun: DetectedRing[];

/** The scenario whose planted members make up most of a detected ring (null: mostly legitimate). */
function scenarioOf(ring: { members: string[] }): string | null {
  let best: string | null = null;
  let bestShare = 0.5;
  for (const t of data.truth.rings) {
    const set = new Set(t.members);
    const share = ring.members.filter((m) => set.has(m)).length / ring.members.length;
    if (share > bestShare) [best, bestShare] = [t.scenario, share];
  }
  return best;
}

async function ingest(name: string, text: string): Promise<void> {
  const file = path.join(data.dir, name);
  fs.writeFileSync(file, text);
  const s = await ingestFiles(db, [file], { rejectsDir: path.join(data.dir, 'rejects'), quiet: true });
  expect(s.files[0]!.rejected).toBe(0);
}

beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  data = await loadDataset(db, 3000, 5);
  firstRun = (await detectRings(db)).rings;
}, 900_000); // generating, ingesting and detecting twice takes minutes on a loaded machine
afterAll(async () => {
  await wipe(db);
  await db.close();
});

describe('attack type per ring', () => {
  const EXPECTED: Record<string, string> = {
    'coupon-farm': 'coupon-farm',
    'anti-detect-farm': 'coupon-farm',
    'card-testing': 'card-testing',
    'account-takeover': 'account-takeover',
    'refund-cashout': 'refund-cashout',
    'money-mules': 'mule-network',
    brushing: 'brushing',
    'mule-network': 'mule-network',
  };

  it('names the generator scenario of the rings it finds', async () => {
    const rows = await db.read('workflow/triage-list', {
      minScore: 0,
      attackType: null,
      since: null,
      until: null,
      statuses: null,
      assignee: null,
      source: null,
      first: 10000,
      skip: 0,
    });
    const typeOf = new Map(rows.map((r) => [String(r.id), r.attackType as string | null]));
    const table = new Map<string, { rings: number; right: number; named: Map<string, number> }>();
    for (const ring of firstRun) {
      const scenario = scenarioOf(ring);
      // Lone fraudsters are single accounts, not operations with a method: no type to name.
      if (!scenario || !EXPECTED[scenario]) continue;
      const row = table.get(scenario) ?? { rings: 0, right: 0, named: new Map() };
      const named = typeOf.get(ring.id) ?? 'none';
      row.rings++;
      if (named === EXPECTED[scenario]) row.right++;
      row.named.set(named, (row.named.get(named) ?? 0) + 1);
      table.set(scenario, row);
    }
    const lines = [...table].map(
      ([s, r]) =>
        `| ${s} | ${EXPECTED[s]} | ${r.rings} | ${r.right} | ${[...r.named].map(([k, v]) => `${k} ${v}`).join(', ')} |`,
    );
    console.log(
      ['| scenario | expected | rings | named right | named |', '|---|---|---|---|---|', ...lines].join('\n'),
    );
    expect(table.size).toBeGreaterThanOrEqual(6);
    for (const [scenario, r] of table) expect(r.right / r.rings, scenario).toBeGreaterThanOrEqual(0.75);
  });
});

describe('ring history over detection runs', () => {
  let a: DetectedRing;
  let b: DetectedRing;
  let mergedId: string;

  it('records a planted merge: the merged ring names both rings it came from', async () => {
    // Two brushing/card-testing-sized rings of different scenarios, small enough to stay one group.
    const candidates = firstRun.filter((r) => r.size >= 4 && r.size <= 20 && scenarioOf(r));
    a = candidates[0]!;
    b = candidates.find((r) => r.id !== a.id && scenarioOf(r) !== scenarioOf(a))!;
    expect(b).toBeDefined();
    const rows = [...a.members.slice(0, 4), ...b.members.slice(0, 4)].map((m) => `${m},bridge-device-01`);
    await ingest('bridge.csv', ['user_id,device_id', ...rows].join('\n') + '\n');
    const second = (await detectRings(db)).rings;
    const merged = second.find((r) => a.members.every((m) => r.members.includes(m)));
    expect(merged).toBeDefined();
    expect(b.members.every((m) => merged!.members.includes(m))).toBe(true);
    mergedId = merged!.id;
    const history = await ringHistory(db, mergedId);
    const latest = history.find((c) => c.ringId === mergedId)!;
    expect(latest.kind).toBe('merged');
    expect(latest.from).toEqual([a.id, b.id].sort());
    expect(latest.sizeAfter).toBe(merged!.size);
    // The ring id that did not carry on says where it went.
    const gone = [a.id, b.id].find((id) => id !== mergedId)!;
    const goneEntry = (await runChanges(db, null)).find((c) => c.ringId === gone);
    expect(goneEntry).toMatchObject({ kind: 'merged', into: [mergedId] });
  });

  it('records a planted split: the ring names the rings it split into', async () => {
    await ingest(
      'bridge-intel.csv',
      'indicator,type,tags,confidence,source\nbridge-device-01,device,public,90,store-terminals\n',
    );
    const third = (await detectRings(db)).rings;
    const backA = third.find((r) => a.members.every((m) => r.members.includes(m)))!;
    const backB = third.find((r) => b.members.every((m) => r.members.includes(m)))!;
    expect(backA.id).not.toBe(backB.id);
    const changes = await runChanges(db, null);
    const split = changes.filter((c) => c.kind === 'split' && c.from.includes(mergedId));
    expect(split.length).toBeGreaterThan(0);
    for (const c of split) expect(c.into).toEqual([backA.id, backB.id].sort());
    // Across all three runs the surviving id's history reads born → merged → split.
    const kinds = (await ringHistory(db, mergedId)).filter((c) => c.ringId === mergedId).map((c) => c.kind);
    expect(kinds.slice(0, 2)).toEqual(['split', 'merged']);
  });
});
