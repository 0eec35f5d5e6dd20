// Bulk first load (`ingest --bulk`, Neo4j's offline importer) against the transactional ingest on
// the same generated files: the same nodes, relationships, properties, value types and sums. The
// bulk side runs on an embedded Neo4j of its own (it stops, imports and restarts its database).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { openDatabase } from '../../server/src/db/connect.js';
import type { Database } from '../../server/src/db/database.js';
import { GENERATED_FILES } from '../../server/src/demo.js';
import { generate } from '../../server/src/generate/generate.js';
import { BulkRefused, bulkIngest } from '../../server/src/ingest/bulk/bulk.js';
import { ingestFiles } from '../../server/src/ingest/ingest.js';
import { parseMapping } from '../../server/src/ingest/mapping-file.js';
import { dumpGraph, expectSameGraph } from '../helpers/graph-dump.js';
import { openTestDb, ownEmbeddedEnv, testConfig, wipe } from '../helpers/neo4j.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-bulk-'));
// The generated logs and an attribute table about devices (os, model): some of the devices the logins
// used, and a few no log has seen.
const files = [...GENERATED_FILES, 'device_models.csv'].map((f) => path.join(tmp, 'gen', f));
const mapping = parseMapping(
  {
    files: {
      'device_models.csv': {
        kind: 'attributes',
        columns: { device: 'device_id' },
        nodeProps: { os: 'os', model: 'model' },
      },
    },
  },
  'bulk test mapping',
);
// Its own data dir and port, next to the test database's.
const bulkConfig = loadConfig(ownEmbeddedEnv('.data/test-bulk', 100));

let txDb: Database;
beforeAll(async () => {
  await generate({ outDir: path.join(tmp, 'gen'), accounts: 2000, seed: 3 });
  const logins = fs.readFileSync(path.join(tmp, 'gen', 'logins.csv'), 'utf8').split('\n');
  const deviceColumn = logins[0]!.split(',').indexOf('device_id');
  const devices = [
    ...new Set(
      logins
        .slice(1, 400)
        .map((l) => l.split(',')[deviceColumn])
        .filter(Boolean),
    ),
  ];
  fs.writeFileSync(
    path.join(tmp, 'gen', 'device_models.csv'),
    [
      'device_id,os,model',
      ...[...devices, 'fffe0001aa', 'fffe0002bb'].map((d, i) => `${d},os-${i % 3},model ${i % 7}`),
    ].join('\n') + '\n',
  );
  txDb = await openTestDb(testConfig({ RINGSCOPE_QUERY_TIMEOUT_MS: '600000' }));
  fs.rmSync(path.dirname(bulkConfig.embedded.home), { recursive: true, force: true });
});
afterAll(async () => {
  await wipe(txDb);
  await txDb.close();
  fs.rmSync(path.dirname(bulkConfig.embedded.home), { recursive: true, force: true });
});

describe('ingest --bulk', () => {
  it('builds the same graph as the transactional ingest, then refuses a second load', async () => {
    await wipe(txDb);
    const tx = await ingestFiles(txDb, files, { rejectsDir: path.join(tmp, 'rejects-tx'), quiet: true, mapping });
    expect(tx.files.map((f) => f.error ?? f.rejected)).toEqual(tx.files.map(() => 0));
    expect(tx.files.at(-1)?.kind).toBe('attributes');

    const bulk = await bulkIngest(bulkConfig, files, {
      rejectsDir: path.join(tmp, 'rejects-bulk'),
      quiet: true,
      mapping,
    });
    expect(bulk.files.map((f) => [f.kind, f.accepted])).toEqual(tx.files.map((f) => [f.kind, f.accepted]));
    expect(bulk.nodesCreated).toBe(tx.nodesCreated);
    expect(bulk.relationshipsCreated).toBe(tx.relationshipsCreated);

    const open = await openDatabase(bulkConfig);
    try {
      const { nodeProps, relProps } = expectSameGraph(await dumpGraph(open.db), await dumpGraph(txDb));
      expect(nodeProps).toBeGreaterThan(40_000);
      expect(relProps).toBeGreaterThan(40_000);
      // The attribute table's properties are on the devices, including two no log has seen.
      const models = await open.db.readText('MATCH (d:Device) WHERE d.model IS NOT NULL RETURN count(d) AS n');
      expect(Number(models[0]!.n)).toBeGreaterThan(10);
      // The schema is there: every entity key is unique-constrained as after `npm start`.
      const constraints = await open.db.readText('SHOW CONSTRAINTS YIELD name RETURN count(*) AS n');
      expect(Number(constraints[0]!.n)).toBeGreaterThanOrEqual(11);
      // The checkpoints came along: the same files ingested again change nothing.
      const again = await ingestFiles(open.db, files, {
        rejectsDir: path.join(tmp, 'rejects-again'),
        quiet: true,
        mapping,
      });
      expect(again.files.map((f) => f.resumedFrom)).toEqual(tx.files.map((f) => f.rowsRead));
      expect(again.nodesCreated + again.relationshipsCreated).toBe(0);
    } finally {
      await open.close();
    }
    await expect(bulkIngest(bulkConfig, files, { rejectsDir: path.join(tmp, 'r'), quiet: true })).rejects.toThrow(
      /is not empty \(\d+ nodes\)/,
    );
  }, 900_000);

  it('refuses an external database (NEO4J_URI)', async () => {
    const err = await bulkIngest(testConfig(), files, { rejectsDir: path.join(tmp, 'r'), quiet: true }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BulkRefused);
    expect((err as Error).message).toMatch(/NEO4J_URI is set/);
  });
});
