// Token mode in real Chromium: a server started with RINGSCOPE_TOKENS asks for a token, a bad one
// is refused in words (not a server error), a good one unlocks every panel and is sent as a bearer
// header; the token is never shown on the page. Also: the page runs under its CSP without errors.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type App } from '../helpers/app.js';
import { SCREENSHOT_DIR } from '../helpers/browser.js';
import type { RunningServer } from '../helpers/server.js';

const TOKEN = 'investigator-secret-5f1c2a9e77';
const VIEWER = 'viewer-secret-0a1b2c3d4e';
/** The mouse cursor a control shows (runs in the page). */
const cursorOf = (el: unknown) =>
  (globalThis as unknown as { getComputedStyle(e: unknown): { cursor: string } }).getComputedStyle(el).cursor;
let app: App;
let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  app = await startApp({ RINGSCOPE_TOKENS: `${TOKEN}:investigator,${VIEWER}:viewer` });
  ({ server, browser } = app);
});
afterAll(async () => {
  await app?.close();
});

async function openPage(): Promise<{ page: Page; problems: string[]; bearer: string[]; mutations: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  const bearer: string[] = [];
  const mutations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql')) {
      bearer.push(r.headers().authorization ?? '');
      mutations.push(...(r.postData()?.match(/\b(runDetection|openCase|flagEntity)\b/g) ?? []));
    }
  });
  await page.goto(server.url);
  return { page, problems, bearer, mutations };
}

describe('token mode in the browser', () => {
  it('asks for a token, and says in words when it is not valid', async () => {
    const { page } = await openPage();
    await page.locator('#token').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('#health').textContent(), { timeout: 15_000 }).toMatch(/sign in for details/);
    await page.fill('#token', 'not-a-real-token-000000');
    await page.click('#sign-in-form button');
    await page.locator('#sign-in-error').waitFor({ timeout: 15_000 });
    expect(await page.locator('#sign-in-error').textContent()).toBe('That token is not valid.');
    expect(await page.locator('#ring-list').textContent()).not.toMatch(/internal server error/i);
    await page.close();
  });

  it('signs in with a good token: role shown, panels load, token sent as bearer and never shown', async () => {
    const { page, problems, bearer } = await openPage();
    await page.locator('#token').waitFor({ timeout: 15_000 });
    await page.fill('#token', TOKEN);
    const before = bearer.length;
    await page.click('#sign-in-form button');
    await page.locator('#signed-in-role').waitFor({ timeout: 15_000 });
    expect(await page.locator('#signed-in-role').textContent()).toBe('investigator');
    await expect
      .poll(() => page.locator('#health').textContent(), { timeout: 15_000 })
      .toMatch(/Neo4j 5\.26\.\d+ connected/);
    await expect.poll(() => page.locator('#ring-list').textContent(), { timeout: 15_000 }).not.toBe('');
    expect(await page.locator('#ring-list').textContent()).not.toMatch(/token is required|not valid/);
    // Every API call after signing in carried the token.
    const signedIn = bearer.slice(before);
    expect(signedIn.length).toBeGreaterThan(1);
    expect(signedIn.every((b) => b === `Bearer ${TOKEN}`)).toBe(true);
    expect(await page.content()).not.toContain(TOKEN);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'token-signed-in.png') });
    expect(problems).toEqual([]);
    await page.locator('#sign-out').click();
    await page.locator('#token').waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('shows a viewer what needs a higher role, and says which, instead of sending what the API would refuse', async () => {
    const { page, problems, mutations } = await openPage();
    await page.locator('#token').waitFor({ timeout: 15_000 });
    await page.fill('#token', VIEWER);
    await page.click('#sign-in-form button');
    await page.locator('#signed-in-role').waitFor({ timeout: 15_000 });
    await page.click('.tabs button[data-tab="accounts"]');
    const run = page.locator('#risk-run-detection');
    await run.waitFor({ timeout: 15_000 });
    expect(await run.evaluate(cursorOf)).toBe('not-allowed');
    await run.click();
    await expect
      .poll(() => page.locator('#status').textContent(), { timeout: 15_000 })
      .toBe('Running detection needs the admin role; you are signed in as viewer.');
    await page.click('.tabs button[data-tab="cases"]');
    await page.fill('#case-title', 'not allowed');
    await page.click('#case-open');
    await expect
      .poll(() => page.locator('#status').textContent(), { timeout: 15_000 })
      .toBe('Opening a case needs the investigator role; you are signed in as viewer.');
    expect(mutations).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'token-viewer.png') });
    expect(problems).toEqual([]);
    await page.locator('#sign-out').click();
    await page.close();
  });

  it('lets an investigator open a case but not run detection', async () => {
    const { page, mutations } = await openPage();
    await page.locator('#token').waitFor({ timeout: 15_000 });
    await page.fill('#token', TOKEN);
    await page.click('#sign-in-form button');
    await page.locator('#signed-in-role').waitFor({ timeout: 15_000 });
    await page.click('.tabs button[data-tab="accounts"]');
    await page.locator('#risk-run-detection').click();
    await expect
      .poll(() => page.locator('#status').textContent(), { timeout: 15_000 })
      .toBe('Running detection needs the admin role; you are signed in as investigator.');
    expect(await page.locator('#case-open').evaluate(cursorOf)).not.toBe('not-allowed');
    expect(mutations).toEqual([]);
    await page.locator('#sign-out').click();
    await page.close();
  });
});
