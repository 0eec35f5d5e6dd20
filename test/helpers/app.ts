// The whole app under a browser test: the test Neo4j wiped (and, when asked, loaded with a
// generated data set and its detected rings), the real server on a free port, headless Chromium
// and one desktop-sized page. Every e2e file starts from this in its beforeAll and closes it in
// its afterAll; close() tolerates a start that failed half-way.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { Config } from '../../server/src/config.js';
import type { Database } from '../../server/src/db/database.js';
import { launchBrowser, SCREENSHOT_DIR } from './browser.js';
import { loadDataset, type Dataset } from './dataset.js';
import { openTestDb, testConfig, wipe } from './neo4j.js';
import { startServer, type RunningServer } from './server.js';

export interface App {
  config: Config;
  db: Database;
  server: RunningServer;
  browser: Browser;
  /** A 1600×900 page that accepts downloads, not yet opened on the app. */
  page: Page;
  close(): Promise<void>;
}

export interface AppWithData extends App {
  data: Dataset;
}

/** Starts the app on an empty database; `env` is added to the server's environment. */
export async function startApp(env: Record<string, string> = {}): Promise<App> {
  return start(env);
}

/** Starts the app on a generated data set of `accounts` accounts (same seed, same data). */
export async function startAppWithData(accounts: number, seed: number): Promise<AppWithData> {
  let data: Dataset | undefined;
  const app = await start({}, async (db) => {
    data = await loadDataset(db, accounts, seed);
  });
  return { ...app, data: data! };
}

/** Opens and wipes the database, fills it (before the server starts), then server, browser, page. */
async function start(env: Record<string, string>, fill?: (db: Database) => Promise<void>): Promise<App> {
  const parts: Partial<Omit<App, 'close'>> = {};
  const close = async () => {
    await parts.browser?.close();
    await parts.server?.close();
    await parts.db?.close();
  };
  try {
    const config = (parts.config = testConfig(env));
    const db = (parts.db = await openTestDb(config));
    await wipe(db);
    await fill?.(db);
    parts.server = await startServer(config, db);
    const browser = (parts.browser = await launchBrowser());
    parts.page = await browser.newPage({ viewport: { width: 1600, height: 900 }, acceptDownloads: true });
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  } catch (err) {
    await close();
    throw err;
  }
  return { ...(parts as Omit<App, 'close'>), close };
}
