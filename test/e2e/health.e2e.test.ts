// The web app in real Chromium shows whether the database is connected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Database } from '../../server/src/db/database.js';
import { launchBrowser } from '../helpers/browser.js';
import { openTestDb, testConfig, wipe } from '../helpers/neo4j.js';
import { startServer, type RunningServer } from '../helpers/server.js';

let db: Database;
let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  const config = testConfig();
  db = await openTestDb(config);
  await wipe(db);
  server = await startServer(config, db);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

describe('health status in the browser', () => {
  it('shows Neo4j as connected with its version', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const health = page.locator('#health');
    await expect.poll(() => health.textContent(), { timeout: 15_000 }).toMatch(/Neo4j 5\.26\.\d+ connected/);
    expect(await health.getAttribute('class')).toContain('ok');
    await page.close();
  });
});
