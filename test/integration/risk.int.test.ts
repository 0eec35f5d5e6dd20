// Account risk on a small P2P-like log (users, shared cards and devices, transfers): an
// investigator's flag set through GraphQL informs the next detection run, and a ring's reasons
// count money links among its members only, never with the many outsiders they also pay.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { detectRings } from '../../server/src/workflow/detection-run.js';
import { ingestFiles } from '../../server/src/ingest/ingest.js';
import { parseMapping } from '../../server/src/ingest/mapping-file.js';
import { openTestDb, testConfig, wipe } from '../helpers/neo4j.js';
import { gqlData } from '../helpers/graphql.js';
import { startServer, type RunningServer } from '../helpers/server.js';

let db: Database;
let server: RunningServer;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-risk-'));

function csv(name: string, header: string, rows: (string | number)[][]): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, [header, ...rows.map((r) => r.join(','))].join('\n') + '\n');
  return file;
}

const day = (d: number) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString();

// 60 ordinary users, each with its own card and device, registered over two months, paying each
// other in a chain. A ring r1..r4 shares one device and one card, registered within an hour, pays
// around among itself and pays 20 outsiders; u1 and u2 share a card (a couple), u3 pays u1.
async function load(): Promise<void> {
  const users = Array.from({ length: 60 }, (_, i) => `u${i + 1}`);
  const ring = ['r1', 'r2', 'r3', 'r4'];
  const registrations = [
    ...users.map((u, i) => [u, day(i)]),
    ...ring.map((r, i) => [r, new Date(Date.UTC(2025, 0, 20, 10, i * 5)).toISOString()]),
  ];
  const cards = [...users.map((u) => [u, `card-${u}`]), ['u2', 'card-u1'], ...ring.map((r) => [r, 'card-ring'])];
  const devices = [...users.map((u) => [u, `dev-${u}`]), ...ring.map((r) => [r, 'dev-ring'])];
  const transfers = [
    ...users.slice(0, -1).map((u, i) => [u, users[i + 1]!, day(i + 1), 20]),
    ['u3', 'u1', day(5), 30],
    ['r1', 'r2', day(21), 500],
    ['r2', 'r3', day(21), 490],
    ['r3', 'r1', day(22), 480],
    ...Array.from({ length: 20 }, (_, i) => [ring[i % 4]!, users[20 + i]!, day(23), 10]),
  ];
  const files: [string, unknown][] = [
    [
      csv('users.csv', 'user_id,signup', registrations),
      { kind: 'registration', columns: { account: 'user_id', time: 'signup' } },
    ],
    [csv('cards.csv', 'user_id,card_id', cards), { kind: 'link', columns: { account: 'user_id', card: 'card_id' } }],
    [
      csv('devices.csv', 'user_id,device_id', devices),
      { kind: 'link', columns: { account: 'user_id', device: 'device_id' } },
    ],
    [
      csv('transfers.csv', 'from_user,to_user,ts,amount', transfers),
      { kind: 'link', columns: { account: 'from_user', toAccount: 'to_user', time: 'ts', amount: 'amount' } },
    ],
  ];
  for (const [file, mapping] of files) {
    const s = await ingestFiles(db, [file], {
      rejectsDir: path.join(tmp, 'rejects'),
      quiet: true,
      mapping: parseMapping(mapping, path.basename(file)),
    });
    expect(s.files[0]?.rejected).toBe(0);
    expect(s.files[0]?.kind).toBe((mapping as { kind: string }).kind);
  }
}

const gql = (query: string, variables: Record<string, unknown> = {}) => gqlData(server.url, query, variables);

const riskOf = async (key: string) =>
  (
    await gql('query($id: ID!) { account(id: $id) { risk riskReasons { code weight detail } } }', {
      id: `Account:${key}`,
    })
  ).account as { risk: number | null; riskReasons: { code: string; weight: number; detail: string }[] };

beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  await load();
  server = await startServer(testConfig(), db);
});
afterAll(async () => {
  await server?.close();
  await wipe(db);
  await db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('account risk', () => {
  it('counts a ring’s money links among its members only', async () => {
    const result = await detectRings(db, { keepScore: 0 });
    const ring = result.rings.find((r) => r.members.includes('r1'));
    expect(ring?.members).toEqual(['r1', 'r2', 'r3', 'r4']);
    const links = ring!.reasons.find((r) => r.code === 'ACCOUNT_LINKS');
    // r1→r2, r2→r3, r3→r1 are the only links among members; r4 pays outsiders only.
    expect(links?.detail).toBe('3 of 4 accounts refer, pay or buy from each other (3 links among members)');
    const data = await gql('query($id: ID!) { ring(id: $id) { members { id } chain { tier entities { id } } } }', {
      id: ring!.id,
    });
    const tier = (name: string) =>
      (data.ring.chain as { tier: string; entities: { id: string }[] }[]).find((t) => t.tier === name)?.entities ?? [];
    expect(
      tier('accounts')
        .map((e) => e.id)
        .sort(),
    ).toEqual(['Account:r1', 'Account:r2', 'Account:r3', 'Account:r4']);
    expect(tier('counterparties')).toHaveLength(20);
  });

  it('clears a risk the next run no longer finds and leaves every other account’s risk as it was', async () => {
    await detectRings(db);
    const stored = async () =>
      new Map(
        (await db.readText('MATCH (a:Account) RETURN a.key AS key, a.risk AS risk, a.riskReasons AS reasons')).map(
          (r) => [String(r.key), `${r.risk} ${r.reasons}`],
        ),
      );
    const unscored = [...(await stored())].filter(([, v]) => v.startsWith('null')).map(([k]) => k);
    expect(unscored.length).toBeGreaterThan(0);
    // A risk left by an earlier run over data that has since been corrected.
    await db.writeTextCapped(
      'MATCH (a:Account {key: $key}) SET a.risk = 0.9, a.riskReasons = $reasons',
      { key: unscored[0], reasons: JSON.stringify([{ code: 'MANY_CARDS', weight: 0.9, detail: 'stale' }]) },
      1,
    );
    const before = await stored();
    const again = await detectRings(db);
    const after = await stored();
    expect(after.get(unscored[0]!)).toBe('null null');
    // Nothing else changed, so nothing else was written: the unchanged risks were skipped by digest.
    expect(again.stats.riskCleared).toBe(1);
    expect(again.stats.riskWritten).toBe(0);
    // The API shows it as it shows any account detection found nothing on.
    expect(await riskOf(unscored[0]!)).toEqual(await riskOf(unscored[1] ?? unscored[0]!));
    expect((await riskOf(unscored[0]!)).riskReasons).toEqual([]);
    before.delete(unscored[0]!);
    after.delete(unscored[0]!);
    expect(after).toEqual(before);
  });

  it('lets a confirmed-fraud flag set through GraphQL raise its neighbours’ risk in the next run', async () => {
    await detectRings(db);
    const before = await riskOf('u2');
    const payer = await riskOf('u3');
    const stranger = await riskOf('u40');
    expect(before.riskReasons.map((r) => r.code)).not.toContain('CLOSE_TO_CONFIRMED_FRAUD');

    await gql('mutation($id: ID!) { flagEntity(id: $id, tag: "confirmed-fraud", note: "chargeback call") { tags } }', {
      id: 'Account:u1',
    });
    await detectRings(db);
    const after = await riskOf('u2');
    expect(after.risk!).toBeGreaterThan(before.risk ?? 0);
    expect(after.riskReasons.find((r) => r.code === 'CLOSE_TO_CONFIRMED_FRAUD')?.detail).toMatch(/shared identifiers/);
    // u3 paid u1: a money link is closeness too; an account with no link to u1 does not move.
    expect((await riskOf('u3')).risk!).toBeGreaterThan(payer.risk ?? 0);
    expect((await riskOf('u40')).risk).toBe(stranger.risk);
  });
});
