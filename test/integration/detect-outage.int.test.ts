// Fault injection in detection: the database goes away (a TCP proxy in front of the test Neo4j
// drops every connection) while detection runs. Detection fails with DATABASE_UNAVAILABLE, not a
// crash; the rings of the previous run are all still there (rings are replaced in one
// transaction); after the database is back, a rerun gives the same rings as an undisturbed run.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CypherCatalog } from '../../server/src/db/cypher-catalog.js';
import { Database } from '../../server/src/db/database.js';
import { DbError } from '../../server/src/db/errors.js';
import { detectRings } from '../../server/src/workflow/detection-run.js';
import { loadDataset } from '../helpers/dataset.js';
import { openTestDb, testConfig, wipe } from '../helpers/neo4j.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

let direct: Database;
let proxy: TcpProxy;
beforeAll(async () => {
  direct = await openTestDb(testConfig({ RINGSCOPE_QUERY_TIMEOUT_MS: '180000' }));
  await wipe(direct);
  await loadDataset(direct, 800, 5);
  proxy = await startTcpProxy(testConfig().neo4j.uri!);
});
afterAll(async () => {
  await proxy?.close();
  await wipe(direct);
  await direct.close();
});

const ringKeys = async () =>
  (
    await direct.read('explore/rings', {
      minScore: 0,
      minSize: 0,
      containing: null,
      sort: 'SCORE',
      first: 10_000,
      skip: 0,
    })
  )
    .map((r) => String((r.r as { properties: { key: string } }).properties.key))
    .sort();

describe('database outage during detection', () => {
  it('fails with DATABASE_UNAVAILABLE, keeps the previous rings, and the rerun gives the clean result', async () => {
    const before = await ringKeys();
    expect(before.length).toBeGreaterThan(0);
    const config = testConfig({ NEO4J_URI: proxy.uri });
    const viaProxy = new Database(config, new CypherCatalog(path.join(config.rootDir, 'cypher')), proxy.uri);
    try {
      const run = detectRings(viaProxy);
      await new Promise((r) => setTimeout(r, 400));
      await proxy.cut();
      const err = await run.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, 'detection finished before the cut: make the data set larger').toBeInstanceOf(DbError);
      expect((err as DbError).code).toBe('DATABASE_UNAVAILABLE');
      expect(await ringKeys()).toEqual(before);
      await proxy.restore();
      await detectRings(viaProxy);
      expect(await ringKeys()).toEqual(before);
    } finally {
      await proxy.restore();
      await viaProxy.close();
    }
  });
});
