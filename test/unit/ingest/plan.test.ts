// The ingest plan from headers, value shapes and the other files of a run (no database).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMapping } from '../../../server/src/ingest/mapping-file.js';
import { planRun } from '../../../server/src/ingest/plan-run.js';
import type { FilePlan } from '../../../server/src/ingest/plan.js';
import { planText } from '../../../server/src/ingest/plan-text.js';
import { profileColumn } from '../../../server/src/ingest/value-shapes.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-plan-'));
function file(name: string, header: string[], rows: string[][]): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, [header, ...rows].map((r) => r.join(',')).join('\n') + '\n');
  return f;
}
const hex = (i: number, n = 24) => (i * 2654435761).toString(16).padStart(n, 'a').slice(-n);
const role = (p: FilePlan | undefined, column: string) => {
  const c = p?.columns.find((x) => x.column === column);
  return c ? [c.role, c.type ?? c.property ?? ''].join(' ').trim() : 'missing';
};

describe('value shapes', () => {
  it('tells IPs, IPv4 integers, ids, times and amounts apart', () => {
    expect(profileColumn(['10.0.0.1', '203.0.113.9', '2001:db8::1']).shares.ipv4).toBeCloseTo(2 / 3);
    expect(profileColumn(['732758368.8', '350311387.9', '2621473820', '3840542443']).main).toBe('ipInteger');
    // Sequential ids in the same range are not addresses.
    expect(profileColumn(['12940784', '12940785', '12940790', '12940800']).shares.ipInteger).toBeUndefined();
    expect(profileColumn([hex(1), hex(2), hex(3)]).shares.hexId).toBe(1);
    expect(profileColumn(['1718000000', '1718000500']).shares.epochTime).toBe(1);
    expect(profileColumn(['2/24/2015 22:55', '6/7/2015 20:39']).shares.dateTime).toBe(1);
    expect(profileColumn(['3.26', '12.00', '150']).shares.amount).toBe(1);
    expect(profileColumn(Array.from({ length: 40 }, (_, i) => String(i))).sequential).toBe(true);
  });
});

describe('the ingest plan', () => {
  it('finds a device column by its values whatever it is called, next to a user and an IP', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [
      `m${i % 40}`,
      `2024-03-01T10:${String(i % 60).padStart(2, '0')}:00Z`,
      `203.0.113.${i % 50}`,
      hex(i % 30),
    ]);
    const f = file('access.csv', ['member_ref', 'ts', 'src_addr', 'did'], rows);
    const plan = await planRun([f], {});
    expect(plan.problems).toEqual([]);
    const p = plan.files[0];
    expect(p?.kind).toBe('login');
    expect(['member_ref', 'ts', 'src_addr', 'did'].map((c) => role(p, c))).toEqual([
      'account',
      'time',
      'identifier IP',
      'identifier Device',
    ]);
    expect(p?.columns.find((c) => c.column === 'did')?.evidence).toMatch(/hex ids/);
  });

  it("takes the orders file's account column from the values of the registration file's accounts", async () => {
    const accounts = Array.from({ length: 80 }, (_, i) => `cust-${hex(i, 10)}`);
    const reg = file(
      'registrations.csv',
      ['user_id', 'signup_time', 'ip'],
      accounts.map((a, i) => [a, `2024-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`, `198.51.100.${i}`]),
    );
    const orders = file(
      'orders.csv',
      ['ref', 'who', 'ts', 'amt', 'dest'],
      accounts.map((a, i) => [
        `x${hex(i + 1000, 12)}`,
        a,
        `2024-02-01T00:00:${String(i % 60).padStart(2, '0')}Z`,
        `${(i * 3.7).toFixed(2)}`,
        `${i % 9} Park Street Springfield`,
      ]),
    );
    const plan = await planRun([reg, orders], {});
    const o = plan.files[1];
    expect(role(o, 'who')).toBe('account');
    expect(o?.columns.find((c) => c.column === 'who')?.evidence).toMatch(
      /values match 'user_id' of registrations\.csv/,
    );
    expect(role(o, 'amt')).toBe('amount');
    expect(role(o, 'dest')).toBe('identifier Address');
    expect(role(o, 'ref')).toBe('ignored');
  });

  it('reads a referral table as referrals, not money, and a users file with confirmed_fraud as labels', async () => {
    const users = Array.from({ length: 60 }, (_, i) => String(12_220_793 + i * 37));
    const u = file(
      'users.csv',
      ['user_id', 'confirmed_fraud', 'money_transfer_error_cancel_amount'],
      users.map((x, i) => [x, i % 3 === 0 ? '' : String(i % 7 === 0 ? 1 : 0), String(i * 11)]),
    );
    const r = file(
      'referrals.csv',
      ['id', 'from_user_id', 'to_user_id'],
      users.slice(0, 30).map((x, i) => [String(1_727_254 + i), x, users[59 - i]!]),
    );
    const plan = await planRun([u, r], {});
    expect(plan.problems).toEqual([]);
    const [pu, pr] = plan.files;
    expect(pu?.kind).toBe('labels');
    expect(role(pu, 'confirmed_fraud')).toBe('label');
    expect(role(pu, 'money_transfer_error_cancel_amount')).toBe('numeric feature moneyTransferErrorCancelAmount');
    expect(role(pr, 'from_user_id')).toBe('counterparty REFERRED');
    expect(role(pr, 'to_user_id')).toBe('account');
    expect(pr?.mapping.columns.toAccount).toBeUndefined();
    expect(role(pr, 'id')).toBe('ignored');
  });

  it('reads a transfer log with short or numeric account keys as transfers, whatever the two sides are called', async () => {
    const transfers = (key: (i: number) => string) => [
      ...Array.from({ length: 59 }, (_, i) => [key(i), key(i + 1), `2025-01-0${1 + (i % 9)}T00:00:00Z`, '20']),
      ...Array.from({ length: 20 }, (_, i) => [key(100 + (i % 4)), key(20 + i), '2025-01-23T00:00:00Z', '10']),
    ];
    const layouts = [
      ['from_user', 'to_user'],
      ['sender', 'receiver'],
      ['src_account', 'dst_account'],
      ['payer_id', 'payee_id'],
      ['user_id', 'counterparty_id'],
      ['nameOrig', 'nameDest'],
    ];
    for (const key of [(i: number) => `u${i}`, (i: number) => String(i)]) {
      for (const [from, to] of layouts) {
        const f = file(`${from}.csv`, [from!, to!, 'ts', 'amount'], transfers(key));
        const plan = await planRun([f], {});
        expect(plan.problems).toEqual([]);
        const p = plan.files[0];
        expect(
          [from!, to!, 'amount'].map((c) => role(p, c)),
          `${from},${to} with keys like ${key(7)}`,
        ).toEqual(['account', 'counterparty TRANSFERRED_TO', 'amount']);
      }
    }
  });

  it('does not take small device numbers for accounts because they overlap small user numbers', async () => {
    const users = file(
      'users.csv',
      ['user_id', 'signup_time'],
      Array.from({ length: 60 }, (_, i) => [String(i + 1), `2025-01-01T${String(i % 24).padStart(2, '0')}:00:00Z`]),
    );
    const logins = file(
      'logins.csv',
      ['user_id', 'device_id', 'ts'],
      Array.from({ length: 120 }, (_, i) => [
        String((i % 60) + 1),
        String(((i * 7) % 60) + 1),
        `2025-01-02T10:${String(i % 60).padStart(2, '0')}:00Z`,
      ]),
    );
    const plan = await planRun([users, logins], {});
    expect(plan.problems).toEqual([]);
    expect(['user_id', 'device_id'].map((c) => role(plan.files[1], c))).toEqual(['account', 'identifier Device']);
  });

  it('tells a seller from a payee between two unnamed account columns by fan-in', async () => {
    // 100 buyers pay 5 shops (few values, many rows each) and pass money to 80 others.
    const rows = Array.from({ length: 200 }, (_, i) => [
      `acct-${hex(i % 100, 10)}`,
      `acct-${hex(1000 + (i % 5), 10)}`,
      `acct-${hex(2000 + ((i * 7) % 80), 10)}`,
      `2025-02-01T10:${String(i % 60).padStart(2, '0')}:00Z`,
      String(10 + (i % 17)),
    ]);
    const f = file('money.csv', ['user_id', 'party_a', 'party_b', 'ts', 'amount'], rows);
    // Every one of them signed up: the registrations say all three columns hold accounts.
    const keys = [...new Set(rows.flatMap((r) => r.slice(0, 3)))];
    const signups = file(
      'signups.csv',
      ['user_id', 'signup_time'],
      keys.map((k, i) => [k, `2025-01-01T${String(i % 24).padStart(2, '0')}:00:00Z`]),
    );
    const plan = await planRun([signups, f], {});
    expect(plan.problems).toEqual([]);
    expect(['party_a', 'party_b'].map((c) => role(plan.files[1], c))).toEqual([
      'counterparty BOUGHT_FROM',
      'counterparty TRANSFERRED_TO',
    ]);
  });

  it('reads a first-purchase time on a sign-up row as the first order (for sign-up-to-purchase velocity)', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [
      String(10_000 + i * 37),
      `2015-02-${String(1 + (i % 27)).padStart(2, '0')} 10:00:00`,
      `2015-03-${String(1 + (i % 27)).padStart(2, '0')} 11:30:00`,
      hex(i, 14),
    ]);
    const plan = await planRun(
      [file('signups.csv', ['user_id', 'signup_time', 'purchase_time', 'device_id'], rows)],
      {},
    );
    const p = plan.files[0];
    expect(p?.kind).toBe('registration');
    expect(['signup_time', 'purchase_time'].map((c) => role(p, c))).toEqual(['time', 'time first order']);
    expect(p?.mapping.columns.orderTime).toBe('purchase_time');
  });

  it('says in the plan that the email is the account when a log has no account column', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [
      `10.1.${i % 7}.${i}`,
      `person${i % 25}@example.org`,
      `2022-05-${String(1 + (i % 27)).padStart(2, '0')}T00:00:18Z`,
      i % 9 ? 'legit' : 'fraud',
    ]);
    const plan = await planRun(
      [file('registrations.csv', ['ip_address', 'email_address', 'EVENT_TIMESTAMP', 'EVENT_LABEL'], rows)],
      {},
    );
    expect(plan.files[0]?.kind).toBe('registration');
    expect(planText(plan).split('\n')[1]).toBe(
      "  (no account column: each row's 'email_address' is its account, rows with one email are one account)",
    );
  });

  it("keeps a per-account column named like one of ringscope's own properties under another name", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [
      `user${i}`,
      `2022-05-01T00:00:${String(i).padStart(2, '0')}Z`,
      String(i % 3),
      String(i * 7),
    ]);
    const plan = await planRun([file('accounts.csv', ['user_id', 'signup_time', 'flags', 'score'], rows)], {});
    const p = plan.files[0];
    expect(role(p, 'flags')).toBe('numeric feature logFlags');
    expect(role(p, 'score')).toBe('numeric feature score');
    expect(p?.mapping.accountProps).toEqual({ logFlags: 'flags', score: 'score' });
  });

  it('stops and names the columns when two columns cannot be told apart', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`u${i}`, hex(i % 20, 16), hex((i % 25) + 500, 16)]);
    const f = file('events.csv', ['user_id', 'a', 'b'], rows);
    const plan = await planRun([f], {});
    expect(plan.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/events\.csv: columns '(a|b)' and '(a|b)' could both be the device/),
    ]);
  });

  it('lists every column, and takes a mapping entry as given', async () => {
    const f = file('devices.csv', ['id', 'os', 'device', 'guid'], [['1', 'OS_1', 'MODEL_1', 'x']]);
    const mapping = parseMapping(
      {
        files: {
          'devices.csv': {
            kind: 'attributes',
            columns: { device: 'id' },
            nodeProps: { model: 'device' },
            ignore: ['guid'],
          },
        },
      },
      'm.json',
    );
    const plan = await planRun([f], { mapping });
    const p = plan.files[0]!;
    expect(p.mappingEntry).toBe('devices.csv');
    expect(p.columns.map((c) => [c.column, c.role])).toEqual([
      ['id', 'identifier'],
      ['os', 'ignored'],
      ['device', 'identifier property'],
      ['guid', 'ignored'],
    ]);
    expect(p.columns[1]!.evidence).toBe('not in the mapping');
  });
});
