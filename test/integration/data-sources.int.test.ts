// Data sources: ingest records where each account was seen (the file's name, or `--source`), and
// the triage queue filters rings by the data source their members came from.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { detectRings } from '../../server/src/workflow/detection-run.js';
import { ingestFiles } from '../../server/src/ingest/ingest.js';
import { openTestDb, testConfig, wipe } from '../helpers/neo4j.js';
import { gqlData } from '../helpers/graphql.js';
import { startServer, type RunningServer } from '../helpers/server.js';

let db: Database;
let server: RunningServer;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-sources-'));
const at = (i: number) => new Date(Date.UTC(2025, 3, 1, 8, i)).toISOString();

// Logins: a crew of five sharing one device and IP among forty ordinary users on their own devices.
function logins(file: string, crew: string, others: string, net: number): string {
  const rows = [
    ...Array.from({ length: 5 }, (_, i) => [`${crew}${i}`, `dev-${crew}`, `203.0.113.${net}`, at(i)]),
    ...Array.from({ length: 40 }, (_, i) => [`${others}${i}`, `dev-${others}${i}`, `198.51.${net}.${i + 1}`, at(i)]),
  ];
  const f = path.join(tmp, file);
  fs.writeFileSync(f, ['user_id,device_id,ip_address,timestamp', ...rows.map((r) => r.join(','))].join('\n') + '\n');
  return f;
}

const gql = (query: string, variables: Record<string, unknown> = {}) => gqlData(server.url, query, variables);

beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  const opts = { rejectsDir: path.join(tmp, 'rejects'), quiet: true };
  await ingestFiles(db, [logins('shop_a.csv', 'a', 'x', 1)], opts);
  await ingestFiles(db, [logins('feed.csv', 'b', 'y', 2)], { ...opts, source: 'partner feed' });
  await detectRings(db, { keepScore: 0 });
  server = await startServer(testConfig(), db);
}, 300_000);
afterAll(async () => {
  await server?.close();
  await wipe(db);
  await db?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const queue = async (source?: string) =>
  (
    await gql('query($source: String) { triage(source: $source, first: 200) { nodes { id size sources } } }', {
      source,
    })
  ).triage.nodes as { id: string; size: number; sources: string[] }[];

describe('data sources', () => {
  it('lists each file’s source: its name without extensions, or the name given', async () => {
    expect((await gql('{ dataSources }')).dataSources).toEqual(['partner feed', 'shop_a']);
  });

  it('filters the triage queue to rings whose members came from one source', async () => {
    const all = await queue();
    const crews = all.filter((r) => r.size === 5);
    expect(crews, JSON.stringify(all)).toHaveLength(2);
    expect(crews.map((r) => r.sources).sort()).toEqual([['partner feed'], ['shop_a']]);
    const partner = await queue('partner feed');
    expect(partner.length).toBeGreaterThan(0);
    expect(partner.every((r) => r.sources.includes('partner feed'))).toBe(true);
    expect(partner.map((r) => r.id)).toContain(crews.find((r) => r.sources[0] === 'partner feed')!.id);
    expect((await queue('shop_a')).map((r) => r.id)).not.toContain(partner[0]!.id);
    expect(await queue('no such source')).toEqual([]);
  });
});
