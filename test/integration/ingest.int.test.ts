// Ingest against the real database: every kind, idempotency, crash and resume, malformed rows,
// header conventions, the public Fraud_Data set.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { GENERATED_FILES } from '../../server/src/demo.js';
import { generate } from '../../server/src/generate/generate.js';
import { readMappingFile } from '../../server/src/ingest/mapping-file.js';
import { ingestFiles } from '../../server/src/ingest/ingest.js';
import { openTestDb, testConfig, wipe } from '../helpers/neo4j.js';
import { sharedData } from '../helpers/shared-data.js';

let db: Database;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-ingest-'));
const rejectsDir = path.join(tmp, 'rejects');
beforeAll(async () => {
  db = await openTestDb();
  await generate({ outDir: path.join(tmp, 'gen'), accounts: 600, seed: 5 });
});
afterAll(async () => {
  await wipe(db);
  await db.close();
});

const counts = async () => (await db.read('admin/store-counts'))[0]!;
const genFiles = () => GENERATED_FILES.map((f) => path.join(tmp, 'gen', f));

describe('ingest', () => {
  it('loads every kind and every accepted row is in the graph', async () => {
    await wipe(db);
    const s = await ingestFiles(db, genFiles(), { rejectsDir, quiet: true });
    expect(s.files.map((f) => f.kind)).toEqual([
      'api-assets',
      'intel',
      'registration',
      'login',
      'order',
      'order',
      'labels',
    ]);
    for (const f of s.files) {
      expect(f.error).toBeUndefined();
      expect(f.rejected).toBe(0);
      const lines = fs.readFileSync(f.file, 'utf8').trim().split('\n').length - 1;
      expect(f.accepted).toBe(lines);
    }
    const c = await counts();
    // The summary's totals are what is in the store (the file checkpoints are nodes too).
    expect(s.nodesCreated).toBe(c.nodes);
    expect(s.relationshipsCreated).toBe(c.relationships);
    const registrations =
      fs
        .readFileSync(path.join(tmp, 'gen', 'registrations.csv'), 'utf8')
        .trim()
        .split('\n').length - 1;
    expect(c.accounts).toBe(registrations); // every generated account registered once
    const rows = await db.readText(
      'MATCH (a:Account)-[r:USED_IP|USED_DEVICE|CALLED]->() RETURN sum(r.count) AS events',
    );
    // Each registration uses an IP and a device, each login an IP, a device and an API.
    const logins =
      fs
        .readFileSync(path.join(tmp, 'gen', 'logins.csv'), 'utf8')
        .trim()
        .split('\n').length - 1;
    expect(rows[0]!.events).toBe(registrations * 2 + logins * 3);
  });

  it('changes no count when the same files are ingested again', async () => {
    const before = await counts();
    const s = await ingestFiles(db, genFiles(), { rejectsDir, quiet: true });
    expect(s.nodesCreated).toBe(0);
    expect(s.relationshipsCreated).toBe(0);
    expect(await counts()).toEqual(before);
    const sum = await db.readText('MATCH ()-[r]->() RETURN sum(r.count) AS events');
    await ingestFiles(db, genFiles(), { rejectsDir, quiet: true });
    expect(await db.readText('MATCH ()-[r]->() RETURN sum(r.count) AS events')).toEqual(sum);
  });

  it('advances a checkpoint only from where the previous batch left it', async () => {
    // Batches overlap (one runs while the one before commits); this is what keeps them in order.
    const cp = {
      key: 'test-order',
      name: 'order.csv',
      kind: 'login',
      accepted: 0,
      rejected: 0,
      skipped: 0,
      skipReasons: '{}',
      done: false,
      source: 'test',
    };
    const set = (from: number, rowsDone: number) =>
      db.write('ingest/checkpoint-set', { ...cp, from, rowsDone }).then((r) => Number(r[0]!.advanced));
    expect(await set(0, 2000)).toBe(1);
    expect(await set(4000, 6000)).toBe(0); // batch 3 before batch 2 committed: refused
    expect((await db.read('ingest/checkpoint-get', { key: 'test-order' }))[0]!.rowsDone).toBe(2000);
    expect(await set(2000, 4000)).toBe(1);
    expect(await set(4000, 6000)).toBe(1);
    expect((await db.read('ingest/checkpoint-get', { key: 'test-order' }))[0]!.rowsDone).toBe(6000);
  });

  // Three runs over logins.csv in batches of 50: minutes on a loaded machine.
  it('resumes exactly after being killed with SIGKILL mid-file', { timeout: 600_000 }, async () => {
    const logins = path.join(tmp, 'gen', 'logins.csv');
    await wipe(db);
    await ingestFiles(db, [logins], { rejectsDir, quiet: true, batchSize: 50 });
    const clean = await counts();
    const cleanEvents = await db.readText('MATCH ()-[r]->() RETURN sum(r.count) AS events');
    await wipe(db);

    const config = testConfig();
    const child = spawn(
      process.execPath,
      ['bin/ringscope.mjs', 'ingest', logins, '--batch-size', '50', '--json', '--rejects-dir', rejectsDir],
      {
        cwd: config.rootDir,
        env: { ...process.env, NEO4J_URI: config.neo4j.uri, NEO4J_PASSWORD: config.neo4j.password },
        stdio: 'ignore',
      },
    );
    // Kill it once some batches are committed but before the end.
    for (let i = 0; i < 600; i++) {
      const cp = await db.readText('MATCH (f:IngestFile) RETURN max(f.rowsDone) AS done');
      if (Number(cp[0]?.done ?? 0) >= 200) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const partial = await db.readText('MATCH (f:IngestFile) RETURN f.rowsDone AS done, f.done AS finished');
    expect(partial[0]?.finished).toBe(false);

    const s = await ingestFiles(db, [logins], { rejectsDir, quiet: true, batchSize: 50 });
    expect(s.files[0]!.resumedFrom).toBeGreaterThan(0);
    expect(await counts()).toEqual(clean);
    expect(await db.readText('MATCH ()-[r]->() RETURN sum(r.count) AS events')).toEqual(cleanEvents);
  });

  it('sends malformed rows to the rejects file with line and reason and loads the rest', async () => {
    await wipe(db);
    const file = path.join(tmp, 'registrations-bad.csv');
    const big = 'x'.repeat(10 * 1024 * 1024);
    const lines = [
      'user_id,signup_time,ip_address,device_id',
      'u1,2024-01-01T00:00:00Z,10.0.0.1,d1',
      'u2,2024-01-01T00:00:00Z,10.0.0.2', // wrong column count
      'u3,not a time,10.0.0.3,d3',
      'u4,2024-01-01T00:00:00Z,300.1.1.1,d4',
      ',2024-01-01T00:00:00Z,10.0.0.5,d5',
      `u7,2024-01-01T00:00:00Z,10.0.0.7,${big}`,
      'u8,2024-01-02T00:00:00Z,10.0.0.8,d8',
    ];
    const buf = Buffer.concat([
      Buffer.from(lines.slice(0, 6).join('\n') + '\n'),
      Buffer.from([
        0x75, 0x36, 0x2c, 0x32, 0x30, 0x32, 0x34, 0x2d, 0x30, 0x31, 0x2d, 0x30, 0x31, 0x2c, 0x31, 0x30, 0x2e, 0x30,
        0x2e, 0x30, 0x2e, 0x36, 0x2c, 0xff, 0xfe, 0x0a,
      ]),
      Buffer.from(lines.slice(6).join('\n') + '\n'),
    ]);
    fs.writeFileSync(file, buf);
    const s = await ingestFiles(db, [file], { rejectsDir, quiet: true });
    const f = s.files[0]!;
    expect(f).toMatchObject({ rowsRead: 8, accepted: 2, rejected: 6 });
    const rejects = fs
      .readFileSync(f.rejectsFile!, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; reason: string });
    expect(rejects.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(rejects.map((r) => r.reason)).toEqual([
      'expected 4 columns, found 3',
      "column signup_time: unparseable timestamp 'not a time'",
      "column ip_address: invalid IP address '300.1.1.1'",
      'column user_id: account key is empty',
      'column device_id: invalid UTF-8',
      'column device_id: value of 10485760 characters (limit 4096)',
    ]);
    expect((await counts()).accounts).toBe(2);
  });

  it('refuses an unknown kind and a file whose kind cannot be told, naming the file', async () => {
    const file = path.join(tmp, 'mystery.csv');
    fs.writeFileSync(file, 'colour,size\nred,3\n');
    const s = await ingestFiles(db, [file], { rejectsDir, quiet: true });
    expect(s.files[0]!.error).toMatch(/mystery\.csv: cannot tell what kind of log this is/);
    const config = testConfig();
    const out = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const c = spawn(process.execPath, ['bin/ringscope.mjs', 'ingest', file, '--kind', 'bogus'], {
        cwd: config.rootDir,
        env: { ...process.env, NEO4J_URI: config.neo4j.uri, NEO4J_PASSWORD: config.neo4j.password },
      });
      let err = '';
      c.stderr.on('data', (d: Buffer) => (err += d.toString()));
      c.once('exit', (code) => resolve({ code, err }));
    });
    expect(out.code).not.toBe(0);
    expect(out.err).toMatch(/argument 'bogus' is invalid.*registration/s);
  });

  it('gives the same graph for three header conventions (CSV, TSV.gz, JSONL)', async () => {
    const rows = [
      ['a1', '2024-03-01T10:00:00Z', '203.0.113.9', 'DEV-1', 'Ann@Example.com'],
      ['a2', '2024-03-01T11:00:00Z', '3405803785', 'dev-1', 'ann+x@example.com'],
      ['a3', '2024-03-02T09:30:00Z', '203.0.113.10', 'dev-2', 'bob@example.com'],
    ];
    const csv = path.join(tmp, 'signup.csv');
    fs.writeFileSync(
      csv,
      ['user_id,signup_time,ip_address,device_id,email', ...rows.map((r) => r.join(','))].join('\n'),
    );
    const tsv = path.join(tmp, 'signup.tsv.gz');
    fs.writeFileSync(
      tsv,
      zlib.gzipSync(
        ['uid\tcreated_at\tclient_ip\tdevice_fingerprint\temail_address', ...rows.map((r) => r.join('\t'))].join('\n'),
      ),
    );
    const jsonl = path.join(tmp, 'signup.jsonl');
    fs.writeFileSync(
      jsonl,
      rows
        .map((r) => JSON.stringify({ account: r[0], timestamp: r[1], ip: r[2], device: r[3], mail: r[4] }))
        .join('\n'),
    );
    const shapes: unknown[] = [];
    for (const f of [csv, tsv, jsonl]) {
      await wipe(db);
      const s = await ingestFiles(db, [f], { rejectsDir, quiet: true, kind: 'registration' });
      expect(s.files[0]).toMatchObject({ accepted: 3, rejected: 0 });
      shapes.push(
        await db.readText(
          'MATCH (a:Account)-[r]->(x) RETURN a.key AS a, type(r) AS t, x.key AS x, r.count AS c ORDER BY a, t, x',
        ),
      );
    }
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);
    expect(shapes[0]).toContainEqual({ a: 'a2', t: 'USED_IP', x: '203.0.113.9', c: 1 });
    expect(shapes[0]).toContainEqual({ a: 'a2', t: 'USED_DEVICE', x: 'dev-1', c: 1 });
  });

  // 30,190 rows: two minutes and more on a loaded machine.
  it('loads the public Fraud_Data set with its committed mapping', { timeout: 600_000 }, async () => {
    await wipe(db);
    const file = sharedData('fraud-ecommerce-30k', 'Fraud_Data_30k.csv');
    const s = await ingestFiles(db, [file], {
      rejectsDir,
      quiet: true,
      mapping: readMappingFile('mappings/fraud-ecommerce.json'),
    });
    expect(s.files[0]).toMatchObject({ kind: 'registration', rowsRead: 30190, accepted: 30189, rejected: 1 });
    const labels = await db.readText("MATCH (a:Account {label: 'fraud'}) RETURN count(a) AS n");
    expect(labels[0]!.n).toBe(2867);
  });
});
