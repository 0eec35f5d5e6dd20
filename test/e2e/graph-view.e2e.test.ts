// The graph view as an investigator sees it, in real Chromium against the real server and Neo4j:
// incremental layout (expanding moves nothing already on the canvas), chain tier headings,
// layouts and zoom, state after Clear, undo/redo with the keyboard, flags on the canvas.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startAppWithData, type AppWithData } from '../helpers/app.js';
import { SCREENSHOT_DIR } from '../helpers/browser.js';
import type { Dataset } from '../helpers/dataset.js';
import type { RunningServer } from '../helpers/server.js';

let app: AppWithData;
let server: RunningServer;
let page: Page;
let data: Dataset;

beforeAll(async () => {
  app = await startAppWithData(1500, 11);
  ({ server, page, data } = app);
  await page.goto(server.url);
  // Generating, ingesting and detecting the data set takes minutes on a loaded machine.
}, 600_000);
afterAll(async () => {
  await app?.close();
});

type Pos = Record<string, { x: number; y: number }>;
const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, name) });
/** Model positions of every node on the canvas. */
const positions = (): Promise<Pos> =>
  page.evaluate(() => {
    const cy = (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy;
    return Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
  });
const nodeIds = async () => Object.keys(await positions());
const status = () => page.locator('#status').textContent();

async function openRingOfScenario(scenario: string): Promise<string> {
  const truth = data.truth.rings.find((r) => r.scenario === scenario && r.members.length >= 3);
  if (!truth) throw new Error(`no ${scenario} ring in the test data`);
  const ringId = await page.evaluate(async (member) => {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ entity(id: "Account:${member}") { rings { id } } }` }),
    });
    return ((await res.json()) as { data: { entity: { rings: { id: string }[] } } }).data.entity.rings[0]?.id ?? null;
  }, truth.members[0]!);
  if (!ringId) throw new Error(`the ${scenario} ring was not detected`);
  await page.evaluate(
    (id) =>
      (
        globalThis as never as { ringscope: { workspace: { openRing(id: string): Promise<void> } } }
      ).ringscope.workspace.openRing(id),
    ringId,
  );
  await expect.poll(() => page.locator('#details h2').textContent(), { timeout: 15_000 }).toBe(`Ring ${ringId}`);
  return ringId;
}

describe('chain view', () => {
  it('draws the tier headings on the canvas and keeps each kind of node in one column', async () => {
    await page.locator('.ring-item').first().click();
    await expect.poll(async () => (await nodeIds()).length, { timeout: 15_000 }).toBeGreaterThan(2);
    const headings = page.locator('#tier-headings .tier-heading');
    await expect
      .poll(() => headings.allTextContents())
      .toEqual(['Tools and upstream resources', 'Phones, IPs, devices, emails', 'Accounts', 'APIs, cards, addresses']);
    // Headings sit over the canvas, left to right, visible.
    const boxes = await Promise.all((await headings.all()).map((h) => h.boundingBox()));
    const canvas = (await page.locator('#cy').boundingBox())!;
    const xs = boxes.map((b) => b!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const b of boxes) expect(b!.y).toBeGreaterThanOrEqual(canvas.y);
    // One x range per type, and the types' columns in chain order.
    const byType = await page.evaluate(() => {
      const cy = (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy;
      const out: Record<string, number[]> = {};
      cy.nodes().forEach((n) => void (out[n.data('type') as string] ??= []).push(n.position('x')));
      return out;
    });
    const order = ['Tool', 'Phone', 'IP', 'Device', 'Email', 'Account', 'Api', 'PaymentMethod', 'Address'];
    const present = order.filter((t) => byType[t]);
    for (let i = 1; i < present.length; i++)
      expect(Math.min(...byType[present[i]!]!)).toBeGreaterThan(Math.max(...byType[present[i - 1]!]!));
    await shot('chain-tier-headings.png');
  });

  it('shows the cards of a card-testing ring (its reason is declined cards)', async () => {
    await openRingOfScenario('card-testing');
    const cards = await page.evaluate(
      () =>
        (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy.nodes(
          '[type = "PaymentMethod"]',
        ).length,
    );
    expect(cards).toBeGreaterThan(0);
    await shot('chain-card-testing.png');
  });
});

describe('incremental layout', () => {
  it('keeps every node where it was when an expand adds new ones, and places the new ones apart', async () => {
    await page.click('#btn-clear');
    const member = data.truth.rings.find((r) => r.members.length >= 4)!.members[0]!;
    await page.fill('#search', member);
    await page.click('#search-form button');
    await page.locator('#search-results .ring-item').first().click();
    await expect.poll(async () => (await nodeIds()).length, { timeout: 15_000 }).toBeGreaterThan(1);
    await expect.poll(status, { timeout: 15_000 }).toMatch(/Added \d+ elements/);
    // The investigator drags one node somewhere else first.
    const moved = await page.evaluate(() => {
      const cy = (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy;
      const n = cy.nodes().last();
      n.position({ x: n.position('x') + 150, y: n.position('y') - 90 });
      return n.id();
    });
    const before = await positions();
    // Expand a neighbour that is not the start account (it brings new nodes).
    const target = await page.evaluate((m) => {
      const cy = (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy;
      const n = cy.nodes(`[id != "Account:${m}"]`).filter((x) => x.data('type') !== 'Api')[0]!;
      n.emit('dbltap');
      return n.id();
    }, member);
    await expect
      .poll(async () => (await nodeIds()).length, { timeout: 15_000 })
      .toBeGreaterThan(Object.keys(before).length);
    const after = await positions();
    for (const [id, p] of Object.entries(before)) expect(after[id], id).toEqual(p);
    expect(after[moved]).toEqual(before[moved]);
    // New nodes are not piled on one spot: no two nodes closer than 20 px.
    const fresh = Object.keys(after).filter((id) => !before[id]);
    const pts = Object.values(after);
    for (const id of fresh)
      for (const q of pts)
        if (q !== after[id]) expect(Math.hypot(after[id]!.x - q.x, after[id]!.y - q.y)).toBeGreaterThan(20);
    await page.evaluate((id) => {
      const cy = (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy;
      cy.$(':selected').unselect();
      cy.getElementById(id).select();
    }, target);
    await shot('expand-incremental.png');
  });

  it('moves nothing when an expand adds nothing', async () => {
    const target = await page.evaluate(() => {
      const cy = (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy;
      return cy.$(':selected')[0]!.id();
    });
    const before = await positions();
    await page.evaluate((id) => {
      (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy
        .getElementById(id)
        .emit('dbltap');
    }, target);
    await expect.poll(status, { timeout: 15_000 }).toMatch(/^Added 0 elements/);
    expect(await positions()).toEqual(before);
  });
});

describe('layouts and zoom', () => {
  it('switches to concentric and grid, and fits and zooms from the toolbar', async () => {
    const zoom = () =>
      page.evaluate(() => (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy.zoom());
    await page.click('#layout-grid');
    const grid = await positions();
    const ys = new Set(Object.values(grid).map((p) => Math.round(p.y)));
    expect(ys.size).toBeLessThan(Object.keys(grid).length);
    await page.click('#layout-concentric');
    await expect.poll(async () => JSON.stringify(await positions())).not.toBe(JSON.stringify(grid));
    const z0 = await zoom();
    await page.click('#btn-zoom-in');
    expect(await zoom()).toBeCloseTo(z0 * 1.25, 5);
    await page.click('#btn-fit');
    // After a fit every node is inside the visible extent.
    const inside = await page.evaluate(() => {
      const cy = (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy;
      const e = cy.extent();
      return cy
        .nodes()
        .toArray()
        .every((n) => {
          const p = (n as import('cytoscape').NodeSingular).position();
          return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2;
        });
    });
    expect(inside).toBe(true);
    await shot('layout-concentric.png');
  });
});

describe('consistent state, undo and redo', () => {
  it('hides with Delete, undoes with Ctrl+Z and redoes with Ctrl+Shift+Z, nodes back in place', async () => {
    const before = await positions();
    const victim = await page.evaluate(() => {
      const cy = (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy;
      cy.$(':selected').unselect();
      const n = cy.nodes('[type = "Account"]').last();
      n.select();
      return n.id();
    });
    await page
      .locator('#cy')
      .click({ position: { x: 5, y: 5 }, modifiers: [] })
      .catch(() => undefined);
    await page.evaluate((id) => {
      const cy = (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy;
      cy.getElementById(id).select();
    }, victim);
    await page.keyboard.press('Delete');
    expect((await nodeIds()).includes(victim)).toBe(false);
    await page.keyboard.press('Control+z');
    expect((await positions())[victim]).toEqual(before[victim]);
    expect(await status()).toMatch(/^Undone: .*Redo with Ctrl\+Shift\+Z/);
    await page.keyboard.press('Control+Shift+z');
    expect((await nodeIds()).includes(victim)).toBe(false);
    expect(await status()).toMatch(/^Redone/);
    await page.click('#btn-undo');
    expect(await positions()).toEqual(before);
  });

  it('undoes opening a ring back to the previous picture, and redoes it', async () => {
    const before = (await nodeIds()).sort();
    await page.click('.tabs button[data-tab="rings"]');
    await page.locator('.ring-item').first().click();
    await expect.poll(() => page.locator('#details h2').textContent(), { timeout: 15_000 }).toMatch(/^Ring /);
    const ring = (await nodeIds()).sort();
    expect(ring).not.toEqual(before);
    await page.keyboard.press('Control+z');
    expect((await nodeIds()).sort()).toEqual(before);
    await page.keyboard.press('Control+Shift+z');
    expect((await nodeIds()).sort()).toEqual(ring);
  });

  it('opens a help overlay with ? that mentions Shift-click for paths, and closes it with Escape', async () => {
    await page.keyboard.press('?');
    const help = page.locator('#help');
    await expect.poll(() => help.isVisible()).toBe(true);
    expect(await help.textContent()).toMatch(/Shift-click/);
    expect(await help.textContent()).toMatch(/Path finds how they connect/);
    await shot('help-overlay.png');
    await page.keyboard.press('Escape');
    await expect.poll(() => help.isVisible()).toBe(false);
  });

  it('shows a flag on the canvas and in the CSV and JSON exports', async () => {
    const id = await page.evaluate(() => {
      const cy = (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy;
      cy.$(':selected').unselect();
      const n = cy.nodes('[type = "Account"]')[0]!;
      n.select();
      return n.id();
    });
    await expect.poll(() => page.locator('#details h2').textContent(), { timeout: 15_000 }).toContain(id.split(':')[1]);
    await page.fill('#flag-tag', 'confirmed-fraud');
    await page.fill('#flag-note', 'seen in case 12');
    await page.click('#flag-form button');
    await expect.poll(status, { timeout: 15_000 }).toBe(`Flagged ${id} as confirmed-fraud`);
    const drawn = await page.evaluate((nid) => {
      const cy = (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy;
      const n = cy.getElementById(nid);
      return { label: n.style('label') as string, underlay: n.style('underlay-opacity') as string };
    }, id);
    expect(drawn.label.startsWith('⚑ ')).toBe(true);
    expect(Number(drawn.underlay)).toBeGreaterThan(0);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const text = fs.readFileSync((await csv.path())!, 'utf8');
    const row = text.split('\n').find((l) => l.startsWith(`"node","${id}"`))!;
    expect(text.split('\n')[0]).toContain('flagged');
    expect(row).toContain('"confirmed-fraud"');
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const pic = JSON.parse(fs.readFileSync((await json.path())!, 'utf8')) as {
      nodes: { id: string; flagged: string[] }[];
    };
    expect(pic.nodes.find((n) => n.id === id)!.flagged).toEqual(['confirmed-fraud']);
    await shot('flagged-node.png');
  });

  it('Clear empties the canvas, the details panel, the status line and the tier headings', async () => {
    await page.click('#btn-clear');
    expect(await nodeIds()).toEqual([]);
    expect(await page.locator('#details').textContent()).toMatch(/Select a node/);
    expect((await status())?.trim()).toBe('');
    expect(await page.locator('#tier-headings .tier-heading').count()).toBe(0);
    expect(await page.locator('#overlay').textContent()).toMatch(/Open a ring/);
    expect(await page.locator('#t-label').textContent()).toBe('all time');
    await shot('after-clear.png');
  });
});

describe('search', () => {
  const gqlFetch = async <T>(query: string): Promise<T> => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return ((await res.json()) as { data: T }).data;
  };
  const hits = async (text: string) => {
    await page.fill('#search', text);
    await page.click('#search-form button');
    await expect
      .poll(() => page.locator('#search-results').textContent(), { timeout: 15_000 })
      .not.toMatch(/Searching/);
    return page.locator('#search-results .ring-item').allTextContents();
  };

  it('finds API paths and methods, tools by a word, and intel tags, showing the tags', async () => {
    expect((await hits('/api/v1')).some((h) => /^Api POST \/api\/v1\//.test(h.trim()))).toBe(true);
    // POST finds the POST endpoints first (rings whose reasons name a POST endpoint come after).
    const post = await hits('POST');
    expect(post[0]!.trim()).toMatch(/^Api POST /);
    expect(post.filter((h) => /^Api /.test(h.trim())).every((h) => /^Api POST /.test(h.trim()))).toBe(true);
    expect((await hits('headless')).some((h) => /^Tool headless-chrome/.test(h.trim()))).toBe(true);
    const proxy = await hits('proxy');
    expect(proxy.length).toBeGreaterThan(0);
    expect(proxy.filter((h) => /^IP /.test(h.trim())).length).toBeGreaterThan(0);
    const ipHit = page.locator('#search-results .ring-item', { hasText: /^\s*IP / }).first();
    expect(await ipHit.locator('.tag').allTextContents()).toContain('proxy');
    await shot('search-proxy.png');
  });

  it('finds a card by its last 4 digits and by its BIN', async () => {
    const { rings } = await gqlFetch<{ rings: { nodes: { id: string }[] } }>('{ rings(first: 50) { nodes { id } } }');
    let card: { key: string; props: { bin?: string; last4?: string } } | undefined;
    for (const r of rings.nodes) {
      const { ring } = await gqlFetch<{ ring: { graph: { nodes: { type: string; key: string; props: never }[] } } }>(
        `{ ring(id: "${r.id}") { graph { nodes { type key props } } } }`,
      );
      card = ring.graph.nodes.find((n) => n.type === 'PaymentMethod' && (n.props as { last4?: string }).last4);
      if (card) break;
    }
    expect(card).toBeDefined();
    const last4 = await hits(card!.props.last4!);
    expect(last4.some((h) => h.includes(`…${card!.props.last4}`))).toBe(true);
    const bin = await hits(card!.props.bin!);
    expect(bin.filter((h) => h.includes(`card ${card!.props.bin}…`)).length).toBeGreaterThan(0);
    await shot('search-card-bin.png');
  });

  it('finds an address written differently (case, "Drive" for "dr", punctuation)', async () => {
    const { search } = await gqlFetch<{ search: { key: string }[] }>(
      '{ search(text: "dr", types: ["Address"]) { key } }',
    );
    const key = search.find((a) => / dr /.test(a.key))?.key;
    expect(key).toBeDefined();
    const words = key!.split(' ');
    const typed = `${words[0]} ${words[1]![0]!.toUpperCase()}${words[1]!.slice(1)} Drive,`;
    const found = await hits(typed);
    expect(found.some((h) => h.includes(key!.slice(0, 20)))).toBe(true);
  });

  it('finds what an investigator flagged, with its ring', async () => {
    // The full-text index is eventually consistent: a flag just made may take a moment to show.
    await expect.poll(async () => (await hits('confirmed-fraud')).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const found = await hits('confirmed-fraud');
    expect(found[0]).toMatch(/confirmed-fraud/);
    expect(found[0]).toMatch(/ring R-/);
    await shot('search-flagged.png');
  });
});

describe('legend', () => {
  it('shows every node type with its own shape and colour, and explains every mark', async () => {
    const entries = await page.locator('#legend .legend-entry').evaluateAll(
      (els, height) =>
        els.map((e) => {
          const shape = e.querySelector('svg path, svg circle:last-of-type');
          const box = e.getBoundingClientRect();
          return {
            key: e.getAttribute('data-entry')!,
            text: e.textContent!.trim(),
            fill: shape?.getAttribute('fill') ?? null,
            stroke: shape?.getAttribute('stroke') ?? null,
            d: shape?.getAttribute('d') ?? shape?.tagName ?? null,
            visible: box.width > 0 && box.bottom <= height,
          };
        }),
      900,
    );
    const byKey = Object.fromEntries(entries.map((e) => [e.key, e]));
    const types = ['Account', 'Device', 'IP', 'PaymentMethod', 'Phone', 'Email', 'Address', 'Api', 'Tool', 'Ring'];
    for (const t of types) expect(byKey[t], t).toBeDefined();
    // Distinct colours and shapes per type (IP and API are no longer the same teal).
    expect(new Set(types.map((t) => byKey[t]!.fill)).size).toBe(types.length);
    expect(new Set(types.map((t) => byKey[t]!.d)).size).toBe(types.length);
    expect(byKey.IP!.fill).not.toBe(byKey.Api!.fill);
    // The legend's colour is the colour the canvas draws.
    const drawn = await page.evaluate(
      () =>
        (globalThis as never as { ringscope: { TYPE_STYLE: Record<string, { color: string }> } }).ringscope.TYPE_STYLE,
    );
    for (const t of types) expect(byKey[t]!.fill).toBe(drawn[t]!.color);
    for (const mark of [
      'risk-high',
      'risk-mid',
      'intel',
      'benign',
      'faded',
      'flagged',
      'pinned',
      'selected',
      'path',
      'edge',
    ])
      expect(byKey[mark], mark).toBeDefined();
    expect(byKey['risk-mid']!.stroke).toBe('#f4a261');
    expect(byKey.intel!.text).toBe('intel');
    expect(byKey.path!.text).toBe('path');
    for (const e of entries) expect(e.visible, e.key).toBe(true);
    await page.locator('#legend').screenshot({ path: path.join(SCREENSHOT_DIR, 'legend.png') });
  });
});

describe('saved-query results and parameters', () => {
  it('explains wrong parameters instead of returning 0 rows', async () => {
    await page.click('.tabs button[data-tab="queries"]');
    await page.selectOption('#query-select', 'drop-addresses');
    await page.fill('#query-form input[name="minAccounts"]', '-5');
    // The form knows the range (from the query's header) and says so before sending anything…
    expect(
      await page
        .locator('#query-form input[name="minAccounts"]')
        .evaluate((i) => (i as never as { validationMessage: string }).validationMessage),
    ).not.toBe('');
    expect(await page.locator('#query-form').textContent()).toMatch(/Int 1…100000/);
    // …and the API refuses it with a message naming the parameter and the rule.
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ runSavedQuery(name: "drop-addresses", params: {minAccounts: -5}) { columns } }',
      }),
    });
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.message).toMatch(/parameter 'minAccounts' must be at least 1, got -5/);
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    // An account key that names no account is an error, not an empty table.
    await page.selectOption('#query-select', 'shared-device-accounts');
    await page.fill('#query-form input[name="accountId"]', 'u_nobody');
    await page.click('#query-form button');
    await expect
      .poll(() => page.locator('#query-result').textContent(), { timeout: 15_000 })
      .toMatch(/parameter 'accountId': no account with key 'u_nobody'/);
    // The id form copied from the canvas works.
    const member = data.truth.rings.find((r) => r.scenario === 'coupon-farm')!.members[0]!;
    await page.fill('#query-form input[name="accountId"]', `Account:${member}`);
    await page.click('#query-form button');
    await expect.poll(() => page.locator('#query-result').textContent(), { timeout: 15_000 }).toMatch(/\d+ rows/);
  });

  it('shows rows in a full-width sortable table whose rows select and reveal their node', async () => {
    await page.click('#btn-clear');
    await page.selectOption('#query-select', 'drop-addresses');
    await page.fill('#query-form input[name="minAccounts"]', '2');
    await page.click('#query-form button');
    const drawer = page.locator('#results-drawer');
    await expect.poll(() => drawer.locator('header b').textContent(), { timeout: 15_000 }).toBe('drop-addresses');
    expect(await drawer.isVisible()).toBe(true);
    const canvas = (await page.locator('#cy').boundingBox())!;
    const box = (await drawer.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(canvas.width - 2);
    expect(await drawer.locator('th').allTextContents()).toEqual(
      expect.arrayContaining(
        ['address', 'accounts', 'orders', 'amount', 'refunds', 'chargebacks'].map((c) => expect.stringContaining(c)),
      ),
    );
    const accounts = async () => (await drawer.locator('tbody tr td:nth-child(2)').allTextContents()).map(Number);
    await drawer.locator('th', { hasText: 'accounts' }).click();
    const asc = await accounts();
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    await drawer.locator('th', { hasText: 'accounts' }).click();
    const desc = await accounts();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const row = drawer.locator('tbody tr.clickable').first();
    const address = (await row.locator('td').first().textContent())!;
    await row.click();
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy
              .$('node:selected')
              .map((n) => n.id()),
          ),
        { timeout: 15_000 },
      )
      .toEqual([`Address:${address}`]);
    await expect
      .poll(() => page.locator('#details h2').textContent(), { timeout: 15_000 })
      .toContain(address.slice(0, 20));
    expect(await row.getAttribute('class')).toMatch(/active/);
    await shot('saved-query-table.png');
    await page.click('#results-close');
    expect(await drawer.isVisible()).toBe(false);
  });
});

describe('hub paging', () => {
  it('puts a "+N more" node next to a hub and pages on through its links when tapped', async () => {
    await page.click('#btn-clear');
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ search(text: "GET", types: ["Api"], first: 50) { id degree } }' }),
    });
    const hubs = ((await res.json()) as { data: { search: { id: string; degree: number }[] } }).data.search;
    const hub =
      hubs.filter((h) => h.degree > 150 && h.degree < 400).sort((a, b) => b.degree - a.degree)[0] ??
      hubs.sort((a, b) => b.degree - a.degree)[0]!;
    expect(hub.degree).toBeGreaterThan(100);
    await page.evaluate(
      (id) =>
        (
          globalThis as never as { ringscope: { workspace: { openEntity(id: string): Promise<void> } } }
        ).ringscope.workspace.openEntity(id),
      hub.id,
    );
    await expect.poll(status, { timeout: 15_000 }).toContain(`${hub.id} has ${hub.degree} links, 100 shown`);
    const more = () =>
      page.evaluate(() => {
        const cy = (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy;
        const m = cy.$('node.more');
        return m.length ? (m.style('label') as string) : null;
      });
    expect(await more()).toBe(`+${hub.degree - 100} more links`);
    await shot('hub-more-node.png');
    const before = (await nodeIds()).length;
    // Returns nothing: Playwright would serialise the whole Cytoscape collection (10 s, and the page
    // once ran out of memory) if emit()'s return value came back.
    await page.evaluate(() => {
      (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy.$('node.more').emit('tap');
    });
    await expect.poll(async () => (await nodeIds()).length, { timeout: 15_000 }).toBeGreaterThan(before);
    const next = await more();
    if (hub.degree > 200) expect(next).toBe(`+${hub.degree - 200} more links`);
    else expect(next).toBeNull();

    // The hub's details list every neighbour: one not on the canvas is found by part of its key.
    const res2 = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query($id: ID!) { neighbours(id: $id, first: 200) { totalCount nodes { node { id key } } } }',
        variables: { id: hub.id },
      }),
    });
    const listed = (
      (await res2.json()) as {
        data: { neighbours: { totalCount: number; nodes: { node: { id: string; key: string } }[] } };
      }
    ).data.neighbours;
    const onCanvas = new Set(await nodeIds());
    const target = listed.nodes.map((n) => n.node).find((n) => !onCanvas.has(n.id));
    expect(target, 'a neighbour not yet on the canvas').toBeDefined();
    await page.evaluate((id) => {
      (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy
        .getElementById(id)
        .emit('tap');
    }, hub.id);
    await expect
      .poll(() => page.locator('#hub-count').textContent(), { timeout: 30_000 })
      .toBe(`${listed.totalCount} neighbour(s)`);
    // The "+N more" helper is not activity of the hub.
    expect(await page.locator('#details ol.timeline').first().textContent()).not.toMatch(/more links/);
    const part = target!.key.slice(-6);
    await page.fill('#hub-search', part);
    const row = page.locator(`.hub-neighbour[data-id="${target!.id}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await page.locator('#hub-count').textContent()).toMatch(new RegExp(`neighbour\\(s\\) matching “${part}”`));
    await shot('hub-neighbour-list.png');
    await row.click();
    await expect.poll(async () => (await nodeIds()).includes(target!.id), { timeout: 30_000 }).toBe(true);
  });
});

describe('time bar', () => {
  it('draws an activity histogram, and a drag across it chooses the window and fades the rest', async () => {
    await page.click('#btn-clear');
    await page.click('.tabs button[data-tab="rings"]');
    await page.locator('.ring-item').first().click();
    await expect.poll(() => page.locator('#details h2').textContent(), { timeout: 15_000 }).toMatch(/^Ring /);
    const bars = page.locator('#t-hist rect.bar');
    await expect.poll(() => bars.count()).toBeGreaterThan(10);
    const heights = (await bars.evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('height'))))).filter(
      (h) => h > 0,
    );
    expect(heights.length).toBeGreaterThan(0);
    const faded = () =>
      page.evaluate(
        () => (globalThis as never as { ringscope: { cy: import('cytoscape').Core } }).ringscope.cy.$('.faded').length,
      );
    expect(await faded()).toBe(0);
    const hist = (await page.locator('#t-hist').boundingBox())!;
    await page.mouse.move(hist.x + hist.width * 0.7, hist.y + hist.height / 2);
    await page.mouse.down();
    await page.mouse.move(hist.x + hist.width * 0.85, hist.y + hist.height / 2, { steps: 5 });
    await page.mouse.up();
    expect(await page.locator('#t-label').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} → \d{4}-\d{2}-\d{2}$/);
    expect(Number(await page.locator('#t-from').inputValue())).toBeGreaterThan(600);
    expect(Number(await page.locator('#t-to').inputValue())).toBeLessThan(900);
    expect(await page.locator('#t-hist rect.window').getAttribute('width')).not.toBe('60');
    expect(await faded()).toBeGreaterThan(0);
    await shot('time-bar-brush.png');
    // A click on the histogram goes back to all time.
    await page.mouse.click(hist.x + hist.width * 0.5, hist.y + hist.height / 2);
    expect(await page.locator('#t-label').textContent()).toBe('all time');
    expect(await faded()).toBe(0);
  });

  it('plays: the window slides through time and can be paused', async () => {
    await page.click('#t-play');
    const first = await page.locator('#t-label').textContent();
    await expect.poll(() => page.locator('#t-label').textContent(), { timeout: 5_000 }).not.toBe(first);
    const later = await page.locator('#t-label').textContent();
    expect(later).toMatch(/→/);
    await page.click('#t-play');
    expect(await page.locator('#t-play').textContent()).toMatch(/Play/);
    const paused = await page.locator('#t-label').textContent();
    await page.waitForTimeout(400);
    expect(await page.locator('#t-label').textContent()).toBe(paused);
  });
});
