// The API asset table and analysts' edits: an edit made through GraphQL (controls) survives a later
// ingest of the asset table, while the fields nobody edited take the table's new values.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { ingestFiles } from '../../server/src/ingest/ingest.js';
import { openTestDb, testConfig, wipe } from '../helpers/neo4j.js';
import { gqlData } from '../helpers/graphql.js';
import { startServer, type RunningServer } from '../helpers/server.js';

let db: Database;
let server: RunningServer;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-assets-'));

async function loadAssets(rows: string[]) {
  const file = path.join(tmp, 'api_assets.csv');
  fs.writeFileSync(file, ['method,path,domain,sensitivity,controls', ...rows].join('\n') + '\n');
  const s = await ingestFiles(db, [file], { rejectsDir: path.join(tmp, 'rejects'), quiet: true });
  expect(s.files[0]?.kind).toBe('api-assets');
  expect(s.files[0]?.accepted).toBe(rows.length);
}

const gql = (query: string, variables: Record<string, unknown> = {}) => gqlData(server.url, query, variables);

const asset = async (key: string) =>
  ((await gql('{ apiAssets { key sensitivity domain controls } }')).apiAssets as Record<string, unknown>[]).find(
    (a) => a.key === key,
  );

beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  await loadAssets(['POST,/api/v1/sms/send-code,account,high,', 'GET,/api/v1/home,catalog,low,cdn-cache']);
  server = await startServer(testConfig(), db);
});
afterAll(async () => {
  await server?.close();
  await wipe(db);
  await db?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the API asset table', () => {
  it('keeps an analyst’s edit through a later ingest of the table, and takes the new values of the rest', async () => {
    await gql(
      'mutation($id: ID!) { updateApiAsset(id: $id, controls: ["captcha"], note: "added last week") { key } }',
      {
        id: 'Api:POST /api/v1/sms/send-code',
      },
    );
    // The asset table exported again, still without the captcha, and with a new sensitivity.
    await loadAssets(['POST,/api/v1/sms/send-code,account,critical,', 'GET,/api/v1/home,catalog,low,rate-limit']);
    expect(await asset('POST /api/v1/sms/send-code')).toMatchObject({
      controls: ['captcha'],
      sensitivity: 'critical',
      domain: 'account',
    });
    expect((await asset('GET /api/v1/home'))?.controls).toEqual(['rate-limit']);
  });
});
