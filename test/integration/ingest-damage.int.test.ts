// Damaged and odd files through the whole ingest, in one command: every readable row is loaded,
// every unreadable one is in the rejects file with its line and a reason, and the command carries
// on to the next file. (Reader details: test/unit/readers.test.ts.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { ingestFiles } from '../../server/src/ingest/ingest.js';
import { openTestDb, wipe } from '../helpers/neo4j.js';

let db: Database;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-damage-'));
const rejectsDir = path.join(tmp, 'rejects');
beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
});
afterAll(async () => {
  await wipe(db);
  await db.close();
});

const header = 'user_id,signup_time,ip_address,device_id';
const rows = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i},2024-01-01T00:00:00Z,10.0.${i % 250}.1,d-${prefix}${i}`);
const rejectsOf = (file: string | null) =>
  fs
    .readFileSync(file!, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { line: number; reason: string; excerpt: string });

describe('damaged files in one ingest command', () => {
  it('loads what is readable from each file, rejects the rest with line and reason, and goes on', async () => {
    const gz = zlib.gzipSync([header, ...rows('g', 4000)].join('\n') + '\n');
    const truncated = path.join(tmp, 'truncated.csv.gz');
    fs.writeFileSync(truncated, gz.subarray(0, Math.floor(gz.length / 2)));
    const quoted = path.join(tmp, 'quote.csv');
    const q = rows('q', 300);
    q[10] = 'q10,"2024-01-01T00:00:00Z,10.0.10.1,d-q10';
    fs.writeFileSync(quoted, [header, ...q].join('\n') + '\n');
    const utf16 = path.join(tmp, 'utf16.csv');
    fs.writeFileSync(utf16, Buffer.from('\uFEFF' + [header, ...rows('w', 50)].join('\r\n'), 'utf16le'));
    const oneLine = path.join(tmp, 'one-line.csv');
    fs.writeFileSync(oneLine, 'x'.repeat(10_000_000));
    const good = path.join(tmp, 'good.csv');
    fs.writeFileSync(good, [header, ...rows('ok', 20)].join('\n'));

    const s = await ingestFiles(db, [truncated, quoted, utf16, oneLine, good], { rejectsDir, quiet: true });
    const [t, u, w, o, g] = s.files;

    expect(t!.error).toBeUndefined();
    expect(t!.accepted).toBeGreaterThan(1000);
    expect(t!.rejected).toBe(1);
    const [cut] = rejectsOf(t!.rejectsFile);
    expect(cut!.line).toBe(t!.accepted + 2);
    expect(cut!.reason).toMatch(/gzip stream damaged .*unexpected end of file/);

    expect(u).toMatchObject({ rowsRead: 300, accepted: 299, rejected: 1 });
    expect(rejectsOf(u!.rejectsFile)).toEqual([
      {
        file: quoted,
        line: 12,
        row: 10,
        reason: 'unbalanced quote: a quoted field opens on this line and does not close on it',
        excerpt: 'q10,"2024-01-01T00:00:00Z,10.0.10.1,d-q10',
      },
    ]);

    expect(w).toMatchObject({ kind: 'registration', accepted: 50, rejected: 0 });
    // A 10 MB line is no header: refused with a message of sane length.
    expect(o!.error).toMatch(/one-line\.csv/);
    expect(o!.error!.length).toBeLessThan(400);
    expect(g).toMatchObject({ accepted: 20, rejected: 0 });

    const accounts = await db.readText('MATCH (a:Account) RETURN count(a) AS n');
    expect(accounts[0]!.n).toBe(t!.accepted + 299 + 50 + 20);
  });

  it('the rerun of the truncated file changes nothing and reports the same reject', async () => {
    const truncated = path.join(tmp, 'truncated.csv.gz');
    const before = await db.readText('MATCH (n) RETURN count(n) AS n');
    const s = await ingestFiles(db, [truncated], { rejectsDir, quiet: true });
    expect(s.files[0]!.error).toBeUndefined();
    expect(s.files[0]!.rejected).toBe(1);
    expect(await db.readText('MATCH (n) RETURN count(n) AS n')).toEqual(before);
  });
});
