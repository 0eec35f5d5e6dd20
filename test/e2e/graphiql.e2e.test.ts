// The GraphQL IDE served by the app, in real Chromium with every request off this server blocked:
// GET /graphql from a browser opens GraphiQL (bundled, no CDN, no Apollo Sandbox), a query runs,
// and the documentation explorer shows the schema's descriptions.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Database } from '../../server/src/db/database.js';
import { launchBrowser, SCREENSHOT_DIR } from '../helpers/browser.js';
import { openTestDb, testConfig, wipe } from '../helpers/neo4j.js';
import { startServer, type RunningServer } from '../helpers/server.js';

let db: Database;
let server: RunningServer;
let browser: Browser;
let page: Page;
const offsite: string[] = [];

beforeAll(async () => {
  const config = testConfig();
  db = await openTestDb(config);
  await wipe(db);
  server = await startServer(config, db);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  const origin = new URL(server.url).origin;
  // No network beyond this server: anything else is recorded and refused.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

describe('GraphQL IDE', () => {
  it('opens GraphiQL from GET /graphql with no network, runs a query and shows the schema docs', async () => {
    await page.goto(`${server.url}/graphql`);
    expect(new URL(page.url()).pathname).toBe('/graphiql');
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    expect(await page.textContent('body')).not.toMatch(/Sandbox|appears that you might be offline/);
    await page.locator('.graphiql-execute-button').click();
    await expect
      .poll(() => page.locator('.graphiql-response').textContent(), { timeout: 30_000 })
      .toMatch(/"neo4jVersion": "5\./);
    // The documentation explorer: Query's fields with their descriptions.
    await page.locator('[aria-label="Show Documentation Explorer"]').click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).click();
    await expect
      .poll(() => page.locator('.graphiql-doc-explorer').textContent(), { timeout: 10_000 })
      .toMatch(/Ranked search: exact ids and normalised identifiers first/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'graphiql.png') });
    expect(offsite).toEqual([]);
  });
});
