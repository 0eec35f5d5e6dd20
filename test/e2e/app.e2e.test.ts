// The investigator's main path in real Chromium against the real server and Neo4j:
// search → open ring → expand → time filter → path → saved query → PNG export; and the
// error state when the database is down.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Database } from '../../server/src/db/database.js';
import { startAppWithData, type AppWithData } from '../helpers/app.js';
import { SCREENSHOT_DIR } from '../helpers/browser.js';
import type { Dataset } from '../helpers/dataset.js';
import { testConfig } from '../helpers/neo4j.js';
import type { RunningServer } from '../helpers/server.js';

let app: AppWithData;
let db: Database;
let server: RunningServer;
let browser: Browser;
let page: Page;
let data: Dataset;

beforeAll(async () => {
  app = await startAppWithData(1500, 11);
  ({ db, server, browser, page, data } = app);
});
afterAll(async () => {
  await app?.close();
});

const nodeCount = () =>
  page.evaluate(
    () => (globalThis as unknown as { ringscope: { cy: { nodes(): { length: number } } } }).ringscope.cy.nodes().length,
  );

describe('investigator workflow', () => {
  it('lists rings with reasons and opens one onto the canvas in the chain layout', async () => {
    await page.goto(server.url);
    await page.locator('.ring-item').first().waitFor();
    const first = page.locator('.ring-item').first();
    expect(await first.textContent()).toMatch(/accounts/);
    await first.click();
    await expect.poll(nodeCount, { timeout: 15_000 }).toBeGreaterThan(2);
    await expect.poll(() => page.locator('#details h2').textContent()).toMatch(/^Ring R-/);
    expect(await page.locator('#details .reasons li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'ring-chain.png') });
  });

  it('filters rings by a minimum score and says clearly what it accepts', async () => {
    const min = page.locator('#ring-min');
    const scores = async () =>
      (await page.locator('#ring-list .ring-item .score').allTextContents()).map((t) => Number(t));
    await min.fill('1.5');
    await min.dispatchEvent('change');
    await expect
      .poll(() => page.locator('#ring-list').textContent(), { timeout: 15_000 })
      .toContain("Min score must be a number from 0 to 1, got '1.5'");
    expect(await page.locator('#ring-list .ring-item').count()).toBe(0);

    await min.fill('0.75');
    await min.dispatchEvent('change');
    await expect.poll(async () => (await scores()).length, { timeout: 15_000 }).toBeGreaterThan(0);
    for (const s of await scores()) expect(s).toBeGreaterThanOrEqual(0.75);
    expect(await page.locator('#ring-min-error').count()).toBe(0);

    await min.fill('0.5');
    await min.dispatchEvent('change');
    await expect.poll(async () => (await scores()).length, { timeout: 15_000 }).toBeGreaterThan(0);
    for (const s of await scores()) expect(s).toBeGreaterThanOrEqual(0.5);
  });

  it('searches an account by its key and shows it with its details', async () => {
    const member = data.truth.rings[0]!.members[0]!;
    await page.fill('#search', member);
    await page.click('#search-form button');
    await page.locator('#search-results .ring-item').first().click();
    await expect.poll(() => page.locator('#details h2').textContent(), { timeout: 15_000 }).toContain(member);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'entity-details.png') });
  });

  it('expands a node on double-click and reports what it added', async () => {
    const before = await nodeCount();
    await page.evaluate(() => {
      const cy = (
        globalThis as unknown as {
          ringscope: { cy: { nodes(s: string): { first(): { id(): string; emit(e: string): void } } } };
        }
      ).ringscope.cy;
      cy.nodes('[type = "Account"]').first().emit('dbltap');
    });
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 15_000 }).toMatch(/Added \d+ elements/);
    expect(await nodeCount()).toBeGreaterThanOrEqual(before);
  });

  it('fades what lies outside the time window', async () => {
    await page.locator('#t-to').fill('5');
    await page.locator('#t-to').dispatchEvent('input');
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (globalThis as unknown as { ringscope: { cy: { $(s: string): { length: number } } } }).ringscope.cy.$(
              '.faded',
            ).length,
        ),
      )
      .toBeGreaterThan(0);
    expect(await page.locator('#t-label').textContent()).toMatch(/\d{4}-\d{2}-\d{2} → /);
    await page.locator('#t-to').fill('1000');
    await page.locator('#t-to').dispatchEvent('input');
  });

  it('finds a path between two selected accounts', async () => {
    const ring = data.truth.rings.find((r) => r.members.length >= 4)!;
    const [a, b] = [ring.members[0]!, ring.members[1]!];
    await page.click('#btn-clear');
    for (const key of [a, b]) {
      await page.fill('#search', key);
      await page.click('#search-form button');
      await page.locator('#search-results .ring-item').first().click();
      await expect.poll(() => page.locator('#details h2').textContent(), { timeout: 15_000 }).toContain(key);
    }
    await page.evaluate(
      ([x, y]) => {
        const cy = (
          globalThis as unknown as {
            ringscope: { cy: { $(s: string): { unselect(): void }; getElementById(id: string): { select(): void } } };
          }
        ).ringscope.cy;
        cy.$(':selected').unselect();
        cy.getElementById(`Account:${x}`).select();
        cy.getElementById(`Account:${y}`).select();
      },
      [a, b],
    );
    await page.click('#btn-path');
    // Shortest paths on a loaded machine can take more than 15 s.
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 45_000 }).toMatch(/^Path: /);
    // The path is drawn in the highlight colour, ends included, not just listed in the status line.
    const drawn = await page.evaluate(() => {
      const cy = (
        globalThis as unknown as {
          ringscope: {
            cy: { $(s: string): { length: number; map<T>(f: (e: { style(p: string): string }) => T): T[] } };
          };
        }
      ).ringscope.cy;
      return {
        edges: cy.$('edge.path').map((e) => e.style('line-color')),
        nodes: cy.$('node.path').map((n) => n.style('border-color')),
      };
    });
    expect(drawn.edges.length).toBeGreaterThan(0);
    expect(new Set(drawn.edges)).toEqual(new Set(['rgb(255,0,110)']));
    expect(drawn.nodes.length).toBeGreaterThanOrEqual(2);
    expect(new Set(drawn.nodes)).toEqual(new Set(['rgb(255,0,110)']));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'path.png') });
  });

  it('runs a saved query from a form built from its parameters', async () => {
    await page.click('.tabs button[data-tab="queries"]');
    await page.selectOption('#query-select', 'drop-addresses');
    await expect.poll(() => page.locator('#query-form input[name="minAccounts"]').inputValue()).toBe('4');
    await page.fill('#query-form input[name="minAccounts"]', '2');
    await page.click('#query-form button');
    await expect.poll(() => page.locator('#query-result').textContent(), { timeout: 15_000 }).toMatch(/\d+ rows/);
    // The rows are in the full-width results table under the canvas.
    expect(await page.locator('#results-drawer table.result tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'saved-query.png') });
  });

  it('exports the canvas as a valid PNG', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const file = await download.path();
    const bytes = fs.readFileSync(file!);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.length).toBeGreaterThan(1000);
  });
});

describe('database down', () => {
  it('says the database is unavailable instead of failing silently', async () => {
    const config = testConfig();
    const down = new Database(config, db.catalog, 'bolt://127.0.0.1:1');
    const { buildApp } = await import('../../server/src/http/app.js');
    const { listen } = await import('../../server/src/http/serve.js');
    const srv = await listen(buildApp({ config, db: down }), config);
    const addr = srv.address();
    const p = await browser.newPage();
    await p.goto(`http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`);
    await expect.poll(() => p.locator('#health').textContent(), { timeout: 20_000 }).toMatch(/Database unavailable/);
    expect(await p.locator('#overlay').textContent()).toMatch(/graph database is unavailable/);
    await p.screenshot({ path: path.join(SCREENSHOT_DIR, 'database-down.png') });
    await p.close();
    srv.closeAllConnections();
    await new Promise((r) => srv.close(r));
    await down.close();
  });
});
