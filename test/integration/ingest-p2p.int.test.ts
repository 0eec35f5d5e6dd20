// The public P2P payments data set (../shared/data/p2p-payments) through one multi-file mapping:
// users with review labels, a device attribute table, device and card links, transfers and
// referrals; every row read is accepted, rejected or skipped, and referrals never become money.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { ingestFiles } from '../../server/src/ingest/ingest.js';
import { parseMapping } from '../../server/src/ingest/mapping-file.js';
import { openTestDb, wipe } from '../helpers/neo4j.js';
import { sharedData } from '../helpers/shared-data.js';

let db: Database;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-p2p-'));
const FILES = ['users', 'devices', 'used_device', 'has_card', 'transfers', 'referrals'];
/** The first rows of each file (all of referrals: its 11 self-referrals are the point). */
const ROWS: Record<string, number> = {
  users: 4000,
  devices: 3000,
  used_device: 3000,
  has_card: 3000,
  transfers: 3000,
  referrals: 5000,
};

const mapping = parseMapping(
  {
    files: {
      'users.csv*': {
        kind: 'labels',
        columns: { account: 'user_id', label: 'confirmed_fraud' },
        accountProps: { cancelAmount: 'money_transfer_error_cancel_amount' },
      },
      'devices.csv*': { kind: 'attributes', columns: { device: 'id' }, nodeProps: { os: 'os', model: 'device' } },
      'used_device.csv*': {
        kind: 'link',
        columns: { account: 'from_user_id', device: 'to_device_id', time: 'deviceDate' },
      },
      'has_card.csv*': { kind: 'link', columns: { account: 'from_user_id', card: 'to_card_id', time: 'cardDate' } },
      'transfers.csv*': {
        kind: 'link',
        columns: {
          account: 'from_user_id',
          toAccount: 'to_user_id',
          time: 'transactionDateTime',
          amount: 'totalAmount',
        },
      },
      'referrals.csv*': { kind: 'link', columns: { account: 'to_user_id', referrer: 'from_user_id' } },
    },
  },
  'p2p.json',
);

beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  for (const f of FILES) {
    const lines = zlib
      .gunzipSync(fs.readFileSync(sharedData('p2p-payments', `${f}.csv.gz`)))
      .toString('utf8')
      .split('\n');
    fs.writeFileSync(path.join(tmp, `${f}.csv.gz`), zlib.gzipSync(lines.slice(0, ROWS[f]! + 1).join('\n') + '\n'));
  }
});
afterAll(async () => {
  await wipe(db);
  await db.close();
});

describe('the P2P payments data set with one multi-file mapping', () => {
  // 18,000 rows through a real database: minutes on a loaded machine.
  it('loads every file with its own mapping and accounts for every row read', { timeout: 600_000 }, async () => {
    const files = FILES.map((f) => path.join(tmp, `${f}.csv.gz`));
    const s = await ingestFiles(db, files, { rejectsDir: path.join(tmp, 'rejects'), quiet: true, mapping });
    expect(s.files.map((f) => [path.basename(f.file), f.kind, f.error])).toEqual([
      ['users.csv.gz', 'labels', undefined],
      ['devices.csv.gz', 'attributes', undefined],
      ['used_device.csv.gz', 'link', undefined],
      ['has_card.csv.gz', 'link', undefined],
      ['transfers.csv.gz', 'link', undefined],
      ['referrals.csv.gz', 'link', undefined],
    ]);
    for (const f of s.files) {
      expect(f.accepted + f.rejected + f.skipped, path.basename(f.file)).toBe(f.rowsRead);
      const name = path.basename(f.file, '.csv.gz');
      expect(f.rowsRead, name).toBe(name === 'referrals' ? 1870 : ROWS[name]);
    }
    const referrals = s.files[5]!;
    expect(referrals).toMatchObject({ rowsRead: 1870, accepted: 1859, skipped: 11, rejected: 0 });
    expect(referrals.skipReasons).toEqual({ 'self-link (from_user_id = to_user_id)': 11 });

    const q = async (cypher: string) => (await db.readText(cypher))[0]!;
    // Referrals are REFERRED links, never transfers of money; transfers carry their amounts.
    expect((await q('MATCH ()-[r:REFERRED]->() RETURN sum(r.count) AS n')).n).toBe(1859);
    const transfers = fs.readFileSync(path.join(tmp, 'transfers.csv.gz'));
    const amounts = zlib.gunzipSync(transfers).toString('utf8').trim().split('\n').slice(1);
    const total = amounts.reduce((sum, line) => sum + Number(line.split(',')[4]), 0);
    const sums = await q('MATCH ()-[r:TRANSFERRED_TO]->() RETURN sum(r.count) AS n, sum(r.amount) AS amount');
    expect(sums.n).toBe(3000);
    expect(sums.amount).toBeCloseTo(total, 6);
    // The device table's model names are properties of the devices, never device ids.
    const model = await q("MATCH (d:Device {key: '2129722'}) RETURN d.os AS os, d.model AS model");
    expect(model).toEqual({ os: 'OS_TYPE_3', model: 'DEVICE_MODEL_1120' });
    expect((await q("MATCH (d:Device) WHERE d.key STARTS WITH 'device_model' RETURN count(d) AS n")).n).toBe(0);
    // Labels: 1 confirmed fraud, 0 reviewed legit, empty = never reviewed (no label).
    const labels = await db.readText(
      'MATCH (a:Account) WHERE a.cancelAmount IS NOT NULL RETURN a.label AS label, count(*) AS n ORDER BY label',
    );
    const byLabel = Object.fromEntries(labels.map((r) => [String(r.label), Number(r.n)]));
    expect(byLabel.fraud! + byLabel.legit! + byLabel.null!).toBe(4000);
    expect(byLabel.null).toBeGreaterThan(0);
  });
});
