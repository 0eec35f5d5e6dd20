// The GraphQL IDE served by the app, in real Chromium with every request off this server refused:
// GET /graphql from a browser opens GraphiQL (bundled: no CDN, no Apollo Sandbox), a query from
// the link runs and shows its result, and the documentation explorer shows the schema's
// descriptions (its introspection query passes the depth limit). In token mode the IDE asks for a
// token, and uses the one the main app's sign-in stored for the tab.
// Every wait is on the page (locators, polls), never a fixed sleep: the machine may be loaded.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Database } from '../../server/src/db/database.js';
import { launchBrowser, SCREENSHOT_DIR } from '../helpers/browser.js';
import { openTestDb, testConfig, wipe } from '../helpers/neo4j.js';
import { startServer, type RunningServer } from '../helpers/server.js';

const TOKEN = 'analyst-secret-3c9d0e1f2a';
/** Loading GraphiQL (2.8 MB of Monaco) and its workers can take a while on a busy machine. */
const LOAD_MS = 90_000;

let db: Database;
let open: RunningServer;
let secured: RunningServer;
let browser: Browser;

beforeAll(async () => {
  db = await openTestDb(testConfig());
  await wipe(db);
  open = await startServer(testConfig(), db);
  secured = await startServer(testConfig({ RINGSCOPE_TOKENS: `${TOKEN}:analyst` }), db);
  browser = await launchBrowser();
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await secured?.close();
  await open?.close();
  await db?.close();
});

interface Session {
  context: BrowserContext;
  page: Page;
  /** Requests to anywhere but the server under test: refused, and listed here. */
  offsite: string[];
  /** Console errors (CSP violations among them) and uncaught page errors. */
  problems: string[];
}

/** A fresh browser context that can reach nothing but `server`. */
async function session(server: RunningServer): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
  const origin = new URL(server.url).origin;
  const offsite: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, offsite, problems };
}

/** What an editor shows (Monaco draws spaces as no-break spaces). */
async function shown(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');
}

const ideLink = (server: RunningServer, query: string) => `${server.url}/graphql?query=${encodeURIComponent(query)}`;

/** Opens the IDE through GET /graphql with a query in the link, and runs that query. */
async function runFromLink(page: Page, server: RunningServer, query: string): Promise<void> {
  await page.goto(ideLink(server, query));
  await page.locator('.graphiql-container').waitFor({ timeout: LOAD_MS });
  const editor = page.locator('.graphiql-query-editor');
  await expect.poll(() => shown(editor), { timeout: LOAD_MS }).toContain(query);
  await page.locator('.graphiql-execute-button').click();
}

describe('GraphQL IDE', () => {
  it('opens from GET /graphql with no network, runs a query from the link and shows the schema docs', async () => {
    const { context, page, offsite, problems } = await session(open);
    const started = Date.now();
    await runFromLink(page, open, '{ stats { neo4jVersion accounts } }');
    // The browser asked /graphql for HTML and landed on the IDE, query and all.
    const landed = new URL(page.url());
    expect(landed.pathname).toBe('/graphiql');
    expect(landed.searchParams.get('query')).toBe('{ stats { neo4jVersion accounts } }');
    expect(await page.title()).toBe('ringscope GraphQL IDE');
    const response = page.locator('.graphiql-response');
    await expect.poll(() => shown(response), { timeout: LOAD_MS }).toMatch(/"neo4jVersion": "5\.\d+\.\d+"/);
    expect(await shown(response)).toMatch(/"accounts": 0/);

    // The documentation explorer, from the schema's own descriptions (GraphiQL's introspection
    // query is 15 deep: it passes only because pure introspection has its own depth limit).
    await page.locator('[aria-label="Show Documentation Explorer"]').click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).click({ timeout: LOAD_MS });
    await docs.getByText('Counts of what is in the graph.').first().waitFor({ timeout: LOAD_MS });
    await docs.getByText('Stats', { exact: true }).first().click();
    await expect.poll(() => docs.textContent(), { timeout: LOAD_MS }).toContain('Version of the Neo4j server.');
    expect(await docs.textContent()).toContain('Counts of what is in the graph.');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'graphiql.png') });
    console.log(`GraphiQL loaded, ran a query and showed its docs in ${Date.now() - started} ms`);

    expect(await page.textContent('body')).not.toMatch(/Sandbox|might be offline/);
    expect(offsite).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('leaves GET /graphql to API clients that ask for JSON', async () => {
    const res = await fetch(`${open.url}/graphql?query=${encodeURIComponent('{ me { role } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
      redirect: 'manual',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { me: { role: 'admin' } } });
  });

  it('in token mode: asks for a token, then uses the one the main app signed in with', async () => {
    const { context, page, offsite, problems } = await session(secured);
    // No token in this tab: the headers editor opens with the hint, and the server refuses.
    await runFromLink(page, secured, '{ me { role } }');
    await expect
      .poll(() => shown(page.locator('.graphiql-editor-tool')), { timeout: LOAD_MS })
      .toContain('This server needs an access token');
    await expect
      .poll(() => shown(page.locator('.graphiql-response')), { timeout: LOAD_MS })
      .toContain('UNAUTHENTICATED');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'graphiql-token-hint.png') });

    // Sign in on the main page, in the same tab; the IDE now sends that token.
    await page.goto(secured.url);
    await page.locator('#token').fill(TOKEN);
    await page.locator('#sign-in-form button').click();
    await page.locator('#signed-in-role').waitFor({ timeout: LOAD_MS });
    await runFromLink(page, secured, '{ me { role } }');
    await expect
      .poll(() => shown(page.locator('.graphiql-response')), { timeout: LOAD_MS })
      .toMatch(/"role": "analyst"/);
    expect(await shown(page.locator('.graphiql-editor-tool'))).not.toContain('needs an access token');
    // Introspection needs a token too: the docs load, so it was sent.
    await page.locator('[aria-label="Show Documentation Explorer"]').click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).waitFor({ timeout: LOAD_MS });
    expect(await page.content()).not.toContain(TOKEN);

    // The app's "GraphQL IDE" link opens a new tab that carries the sign-in over.
    await page.goto(secured.url);
    await page.locator('#signed-in-role').waitFor({ timeout: LOAD_MS });
    const [ide] = await Promise.all([context.waitForEvent('page'), page.locator('#ide-link').click()]);
    await ide.waitForURL(/\/graphiql/, { timeout: LOAD_MS });
    await runFromLink(ide, secured, '{ me { role } }');
    await expect
      .poll(() => shown(ide.locator('.graphiql-response')), { timeout: LOAD_MS })
      .toMatch(/"role": "analyst"/);

    expect(offsite).toEqual([]);
    // The only console errors are the refusals before signing in (HTTP 401 on /graphql).
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    await context.close();
  });
});
