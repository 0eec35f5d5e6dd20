// The "Riskiest accounts" tab in real Chromium against the real server and Neo4j: the empty state
// before detection, detection run from the panel refreshing it, accounts riskiest first (read from
// the page) matching the API's top account, a row putting the account on the canvas with every
// risk reason in the details panel, the ring cell opening the ring, "more" paging without
// duplicates, the min-risk filter and its message, and Clear taking the canvas marks away.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Database } from '../../server/src/db/database.js';
import { COLORS } from '../../client/src/graph/style.js';
import { FLAG_THRESHOLD } from '../../server/src/model/thresholds.js';
import { startApp, type App } from '../helpers/app.js';
import { SCREENSHOT_DIR } from '../helpers/browser.js';
import { loadDataset } from '../helpers/dataset.js';
import type { RunningServer } from '../helpers/server.js';
import { signedWeight } from '../../client/src/ui/weight-text.js';

let app: App;
let db: Database;
let server: RunningServer;
let page: Page;

// Generous waits: the machine's two cores are shared with other test runs.
const SLOW = { timeout: 60_000 };

beforeAll(async () => {
  app = await startApp();
  ({ db, server, page } = app);
});
afterAll(async () => {
  await app?.close();
});

interface ApiAccount {
  id: string;
  key: string;
  risk: number;
  ring: string | null;
  riskReasons: { code: string; weight: number; detail: string }[];
}

async function apiAccounts(first: number, minRisk = 0): Promise<{ totalCount: number; nodes: ApiAccount[] }> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `query($first: Int!, $minRisk: Float!) { accounts(orderBy: RISK, first: $first, minRisk: $minRisk) {
        totalCount nodes { id key risk ring riskReasons { code weight detail } } } }`,
      variables: { first, minRisk },
    }),
  });
  const body = (await res.json()) as { data?: { accounts: { totalCount: number; nodes: ApiAccount[] } } };
  if (!body.data) throw new Error(`accounts query failed: ${JSON.stringify(body)}`);
  return body.data.accounts;
}

/** '#c1121f' → 'rgb(193, 18, 31)', as the browser reports a colour. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/** The list as the page shows it: account id and the risk printed in its badge. */
const shownRows = () =>
  page.locator('#risk-list .risk-row').evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-account') ?? '',
      risk: Number(r.querySelector('.risk-badge')?.textContent),
      ring: r.querySelector('button.risk-ring')?.textContent?.trim() ?? null,
    })),
  );
const rowCount = () => page.locator('#risk-list .risk-row').count();
const onCanvas = (id: string) =>
  page.evaluate(
    (x) =>
      (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy.getElementById(x).length,
    id,
  );

describe('riskiest accounts', () => {
  it('says there are no risk scores before detection has run, instead of an empty table', async () => {
    await page.goto(server.url);
    await page.click('.tabs button[data-tab="accounts"]');
    const list = page.locator('#risk-list');
    await expect.poll(() => list.textContent(), SLOW).toContain('No risk scores yet — run detection');
    expect(await page.locator('#risk-run-detection').isVisible()).toBe(true);
    expect(await rowCount()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'riskiest-accounts-empty.png') });
  });

  it('fills with accounts riskiest first when detection runs from the panel, the rings list too', async () => {
    // loadDataset ingests and detects in this process; the page, still showing the empty state,
    // learns of scores only through the detection run its button starts (the same data again).
    await loadDataset(db, 1500, 11);
    await page.click('#risk-run-detection');
    await expect.poll(rowCount, { timeout: 180_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#status').textContent(), SLOW).toMatch(/^Detection done in/);
    // The rings tab, loaded empty, reloaded on the same detection run.
    await expect.poll(() => page.locator('#ring-list .ring-item').count(), SLOW).toBeGreaterThan(0);

    const rows = await shownRows();
    expect(rows.length).toBe(25);
    for (const r of rows) expect(r.risk).toBeGreaterThan(0);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.risk).toBeLessThanOrEqual(rows[i - 1]!.risk);

    const top = (await apiAccounts(1)).nodes[0]!;
    expect(rows[0]!.id).toBe(top.id);
    expect(rows[0]!.risk).toBe(Number(top.risk.toFixed(2)));
    // Coloured as the canvas borders a flagged node (red from the flag threshold).
    expect(top.risk).toBeGreaterThanOrEqual(FLAG_THRESHOLD);
    const firstBadge = page.locator('#risk-list .risk-row').first().locator('.risk-badge');
    expect(await firstBadge.evaluate((b) => (b as unknown as { style: { background: string } }).style.background)).toBe(
      rgb(COLORS.riskHigh),
    );
    // The strongest reason codes are on the row.
    const codes = await page.locator('#risk-list .risk-row').first().locator('.risk-codes').textContent();
    expect(codes).toContain(top.riskReasons[0]!.code);
  });

  it('puts a clicked account on the canvas and shows its risk and every reason in the details panel', async () => {
    const top = (await apiAccounts(1)).nodes[0]!;
    await page.locator(`#risk-list .risk-row[data-account="${top.id}"] .risk-account`).click();
    await expect.poll(() => onCanvas(top.id), SLOW).toBe(1);
    await expect.poll(() => page.locator('#details h2').textContent(), SLOW).toContain(top.key);
    const reasons = page.locator('#details .risk-reasons li');
    await expect.poll(() => reasons.count(), SLOW).toBe(top.riskReasons.length);
    const texts = await reasons.allTextContents();
    top.riskReasons.forEach((r, i) => {
      expect(texts[i]).toContain(r.code);
      expect(texts[i]).toContain(signedWeight(r.weight));
      // A reason that counted never reads as if it had not: "+<0.01", not "+0.00".
      if (r.weight !== 0) expect(texts[i]).not.toMatch(/[+−]0\.00/);
      expect(texts[i]).toContain(r.detail);
    });
    expect(await page.locator('#details h3 .risk-badge').textContent()).toBe(top.risk.toFixed(2));
    // The row is marked as the one on the canvas.
    await expect.poll(() => page.locator('#risk-list .risk-row.active').getAttribute('data-account')).toBe(top.id);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'riskiest-accounts.png') });
  });

  it('pages on with "more": new accounts, none listed twice, still riskiest first', async () => {
    const before = await shownRows();
    await page.click('#risk-more');
    await expect.poll(rowCount, SLOW).toBeGreaterThan(before.length);
    const after = await shownRows();
    expect(after.slice(0, before.length).map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(new Set(after.map((r) => r.id)).size).toBe(after.length);
    for (let i = 1; i < after.length; i++) expect(after[i]!.risk).toBeLessThanOrEqual(after[i - 1]!.risk);
    const api = (await apiAccounts(after.length)).nodes.map((a) => a.id);
    expect(after.map((r) => r.id)).toEqual(api);
  });

  it("opens an account's ring from its ring cell", async () => {
    const row = page.locator('#risk-list .risk-row:has(button.risk-ring)').first();
    const ring = (await row.locator('button.risk-ring').textContent())!.trim();
    expect(ring).toMatch(/^R-/);
    await row.locator('button.risk-ring').click();
    await expect.poll(() => page.locator('#details h2').textContent(), SLOW).toBe(`Ring ${ring}`);
  });

  it('filters by a minimum risk and says clearly what it accepts', async () => {
    const min = page.locator('#risk-min');
    await min.fill('1.5');
    await min.dispatchEvent('change');
    await expect
      .poll(() => page.locator('#risk-list').textContent(), SLOW)
      .toContain("Min risk must be a number from 0 to 1, got '1.5'");
    expect(await rowCount()).toBe(0);

    await min.fill(String(FLAG_THRESHOLD));
    await min.dispatchEvent('change');
    await expect.poll(rowCount, SLOW).toBeGreaterThan(0);
    const { totalCount } = await apiAccounts(1, FLAG_THRESHOLD);
    expect(await page.locator('#risk-list .risk-count').textContent()).toContain(`of ${totalCount} accounts`);
    for (const r of await shownRows()) expect(r.risk).toBeGreaterThanOrEqual(FLAG_THRESHOLD);

    await min.fill('');
    await min.dispatchEvent('change');
    await expect.poll(rowCount, SLOW).toBe(25);
  });

  it('takes the canvas marks off the list when the canvas is cleared', async () => {
    const first = (await shownRows())[0]!;
    await page.locator('#risk-list .risk-row').first().locator('.risk-account').click();
    await expect.poll(() => page.locator('#risk-list .risk-row.active').count(), SLOW).toBe(1);
    expect(await onCanvas(first.id)).toBe(1);
    await page.click('#btn-clear');
    await expect.poll(() => page.locator('#risk-list .risk-row.on-canvas').count(), SLOW).toBe(0);
    expect(await page.locator('#details').textContent()).toContain('Select a node');
  });
});
