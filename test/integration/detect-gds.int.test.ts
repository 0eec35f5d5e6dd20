// Detection with Graph Data Science (detect --engine gds; the embedded launcher loads open-source GDS
// 2.13): the account links are projected inside Neo4j, grouped there (WCC, and Louvain for groups
// too large to be one ring), only the results come back, and the rings and risks must be those the
// in-process path finds on the same generated logs. The projected graphs are freed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { GENERATED_FILES } from '../../server/src/demo.js';
import { findRings, type DetectResult } from '../../server/src/detect/detect.js';
import { groupInDatabase, type DatabaseGroups, type PairSource } from '../../server/src/detect/gds-grouping.js';
import { LINK_THRESHOLD } from '../../server/src/detect/weights.js';
import { generate } from '../../server/src/generate/generate.js';
import { ingestFiles } from '../../server/src/ingest/ingest.js';
import { FLAG_THRESHOLD } from '../../server/src/model/thresholds.js';
import { openTestDb, wipe } from '../helpers/neo4j.js';

let db: Database;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-gds-'));

beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  await generate({ outDir: tmp, accounts: 2000, seed: 11 });
  const s = await ingestFiles(
    db,
    GENERATED_FILES.map((f) => path.join(tmp, f)),
    { rejectsDir: path.join(tmp, 'rejects'), quiet: true },
  );
  expect(s.files.map((f) => f.error ?? f.rejected)).toEqual(s.files.map(() => 0));
});
afterAll(async () => {
  await wipe(db);
  await db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const projectedGraphs = async () =>
  (await db.readText('CALL gds.graph.list() YIELD graphName RETURN graphName')).map((r) => r.graphName);
const rings = (r: DetectResult) =>
  r.rings
    .map((x) => ({ score: x.score, members: x.members, reasons: x.reasons }))
    .sort((a, b) => a.members.join().localeCompare(b.members.join()));
const flagged = (r: DetectResult) => new Set(r.accounts.filter((a) => a.risk >= FLAG_THRESHOLD).map((a) => a.id));

describe('detect --engine gds', () => {
  it('groups inside Neo4j and finds the same rings and risks as the in-process path', async () => {
    const inProcess = await findRings(db, { engine: 'db' });
    expect(inProcess.stats.grouping).toBe('in-process');
    const gds = await findRings(db, { engine: 'gds' });
    expect(gds.stats.grouping).toBe('gds');
    expect(gds.stats.engineNote).toContain('grouped in the database by Graph Data Science');
    expect(gds.stats.engineNote).toContain('account pairs computed by ringscope.accountPairs');
    expect(gds.stats.phases.gdsGrouping).toBeGreaterThan(0);
    // Only results come back: no identifier graph is read into this process, yet the same account
    // pairs reach the fraud-proximity walk.
    expect(gds.stats.phases.graph).toBeUndefined();
    expect(inProcess.stats.phases.graph).toBeGreaterThan(0);
    expect(gds.stats.links).toBe(inProcess.stats.links);
    expect(inProcess.rings.length).toBeGreaterThan(3);
    expect(gds.stats.candidates).toBe(inProcess.stats.candidates);
    expect(rings(gds)).toEqual(rings(inProcess));
    // Same memberships: the ring ids stay, so every account's risk, ring and reasons are the same.
    expect(gds.accounts).toEqual(inProcess.accounts);
    expect(await projectedGraphs()).toEqual([]);
  });

  it("projects the same account pairs whether ringscope's procedure or Cypher computes them", async () => {
    // Pairs by account keys with weight and soft kinds; groups as sorted key lists.
    const read = async (pairs: PairSource) => {
      const r: DatabaseGroups = await groupInDatabase(db, {
        maxShare: 50,
        threshold: LINK_THRESHOLD,
        maxGroup: 6,
        pairs,
      });
      const weights = new Map<string, number>();
      for (let e = 0; e < r.links.length; e++)
        weights.set([r.keys[r.links.a[e]!]!, r.keys[r.links.b[e]!]!].sort().join('|'), r.links.w[e]!);
      const kinds = new Map([...r.softKinds].map(([i, k]) => [r.keys[i]!, [...k]]));
      const groups = r.groups.map((g) => g.map((i) => r.keys[i]!).sort()).sort();
      return { weights, kinds, groups };
    };
    const procedure = await read('procedure');
    const cypher = await read('cypher');
    expect(procedure.weights.size).toBeGreaterThan(1000);
    expect([...procedure.weights.keys()].sort()).toEqual([...cypher.weights.keys()].sort());
    for (const [pair, w] of procedure.weights) expect(w).toBeCloseTo(cypher.weights.get(pair)!, 12);
    expect(procedure.kinds.size).toBeGreaterThan(10);
    expect(procedure.kinds).toEqual(cypher.kinds);
    expect(procedure.groups).toEqual(cypher.groups);
    expect(await projectedGraphs()).toEqual([]);
  });

  it('splits groups too large to be one ring with GDS Louvain, each group on its own', async () => {
    // Groups of more than 6 accounts are split: most planted rings are larger.
    const inProcess = await findRings(db, { engine: 'db', maxGroup: 6 });
    const gds = await findRings(db, { engine: 'gds', maxGroup: 6 });
    const whole = await findRings(db, { engine: 'gds' });
    expect(gds.stats.candidates).toBeGreaterThan(whole.stats.candidates);
    expect(gds.rings.length).toBeGreaterThan(whole.rings.length);
    // Two Louvain implementations choose their own communities; the accounts found are the same.
    const members = (r: DetectResult) => new Set(r.rings.flatMap((x) => x.members));
    expect(members(gds)).toEqual(members(inProcess));
    expect(flagged(gds)).toEqual(flagged(inProcess));
    expect(await projectedGraphs()).toEqual([]);
  });
});
