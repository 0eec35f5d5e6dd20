// Detection against a Neo4j without ringscope's procedure (an external server without the plugin;
// here the embedded launcher started with RINGSCOPE_PROCEDURES=off, on its own data dir and port):
// `auto` sums the feature table with Cypher and says why, `db` refuses and says what to install, and
// the CLI prints which was used. Ingest writes with its Cypher statements there, and refuses
// `--writer procedure` the same way.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { openDatabase, type OpenDatabase } from '../../server/src/db/connect.js';
import { GENERATED_FILES } from '../../server/src/demo.js';
import { findRings, GDS_PROCEDURES } from '../../server/src/detect/detect.js';
import { generate } from '../../server/src/generate/generate.js';
import { ingestFiles } from '../../server/src/ingest/ingest.js';
import { ownEmbeddedEnv } from '../helpers/neo4j.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-engine-'));
// Its own data dir and port, next to the test database's.
const noProcEnv = { ...ownEmbeddedEnv('.data/test-noproc', 200), RINGSCOPE_PROCEDURES: 'off' };
const config = loadConfig(noProcEnv);
let open: OpenDatabase;

beforeAll(async () => {
  fs.rmSync(path.dirname(config.embedded.home), { recursive: true, force: true });
  open = await openDatabase(config);
  await generate({ outDir: tmp, accounts: 600, seed: 9 });
  const s = await ingestFiles(
    open.db,
    GENERATED_FILES.map((f) => path.join(tmp, f)),
    { rejectsDir: path.join(tmp, 'rejects'), quiet: true },
  );
  expect(s.files.map((f) => f.error ?? f.rejected)).toEqual(s.files.map(() => 0));
  expect(s.writer).toBe('cypher');
});
afterAll(async () => {
  await open?.close();
  fs.rmSync(path.dirname(config.embedded.home), { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('detection on a database without ringscope’s procedure', () => {
  it('sums the features with Cypher and says why', async () => {
    const result = await findRings(open.db);
    expect(result.stats.engine).toBe('cypher');
    expect(result.stats.engineNote).toContain('no ringscope.accountRiskFeatures procedure');
    expect(result.stats.engineNote).toContain('account pairs summed here from the identifier graph');
    expect(result.rings.length).toBeGreaterThan(0);
  });

  it('refuses ingest --writer procedure, naming what to install', async () => {
    await expect(
      ingestFiles(open.db, [path.join(tmp, 'labels.csv')], {
        rejectsDir: path.join(tmp, 'rejects-writer'),
        quiet: true,
        writer: 'procedure',
      }),
    ).rejects.toThrow(
      /--writer procedure: the database has no ringscope\.writeBatch \(put .*ringscope-neo4j-0\.1\.0\.jar in its plugins folder/,
    );
  });

  it('refuses --engine db and --pairs db, naming what to install', async () => {
    await expect(findRings(open.db, { engine: 'db' })).rejects.toThrow(
      /detect --engine db: this Neo4j has no ringscope\.accountRiskFeatures procedure .*plugins/,
    );
    await expect(findRings(open.db, { pairs: 'db' })).rejects.toThrow(
      /detect --pairs db: this Neo4j has no ringscope\.accountLinks procedure .*plugins/,
    );
  });

  it('tells the CLI user which engine was used, and refuses an unknown one, or gds without GDS', async () => {
    const cli = path.join(config.rootDir, 'bin', 'ringscope.mjs');
    // The CLI reuses the database the test opened (same data dir and port).
    const out = execFileSync(process.execPath, [cli, 'detect'], { env: noProcEnv, encoding: 'utf8' });
    expect(out).toMatch(/features summed by Cypher: this Neo4j has no ringscope\.accountRiskFeatures procedure/);
    expect(out).toContain('grouped in this process');
    const refusal = (engine: string) => {
      try {
        execFileSync(process.execPath, [cli, 'detect', '--engine', engine], {
          env: noProcEnv,
          encoding: 'utf8',
          stdio: 'pipe',
        });
      } catch (e) {
        return String((e as { stderr?: string }).stderr);
      }
      return '';
    };
    expect(refusal('gpu')).toContain("--engine must be auto, db, cypher or gds, got 'gpu'");
    expect(refusal('gds')).toContain(
      `detect --engine gds: this Neo4j has no Graph Data Science (${GDS_PROCEDURES.join(', ')} not listed;`,
    );
  });
});
