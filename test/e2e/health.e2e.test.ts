// The web app in real Chromium shows whether the database is connected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startApp, type App } from '../helpers/app.js';
import type { RunningServer } from '../helpers/server.js';

let app: App;
let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  app = await startApp();
  ({ server, browser } = app);
});
afterAll(async () => {
  await app?.close();
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
