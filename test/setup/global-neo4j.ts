// Global setup for integration and e2e tests: one real Neo4j for the whole run. With NEO4J_URI set
// the tests use that database — and wipe it between files, so they refuse to run unless
// RINGSCOPE_TEST_ALLOW_WIPE=1 says that database is disposable. Otherwise an embedded Neo4j is
// started on its own port and data dir (.data/test), apart from the one `npm start` uses.
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../server/src/config.js';
import { startEmbedded, type EmbeddedHandle } from '../../server/src/db/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jPassword: string;
  }
}

let handle: EmbeddedHandle | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.NEO4J_URI) {
    if (process.env.RINGSCOPE_TEST_ALLOW_WIPE !== '1') {
      throw new Error(
        'NEO4J_URI is set: the tests wipe that database; set RINGSCOPE_TEST_ALLOW_WIPE=1 if it is disposable',
      );
    }
    project.provide('neo4jUri', process.env.NEO4J_URI);
    project.provide('neo4jPassword', process.env.NEO4J_PASSWORD ?? '');
    return;
  }
  const config = loadConfig({
    ...process.env,
    RINGSCOPE_DATA_DIR: '.data/test',
    RINGSCOPE_BOLT_PORT: process.env.RINGSCOPE_TEST_BOLT_PORT ?? '17687',
    RINGSCOPE_PAGECACHE: process.env.RINGSCOPE_TEST_PAGECACHE ?? '512m',
    RINGSCOPE_HEAP: process.env.RINGSCOPE_TEST_HEAP ?? '2g',
  });
  // Both database tiers (integration, e2e) run this setup in the one vitest process: wipe the data
  // dir before the first start only. A second wipe deleted the store under the running server, whose
  // next transaction-log rotation then failed every later test ("unable to write transaction to log").
  if (process.env.RINGSCOPE_TEST_FRESH_DB === '1') {
    fs.rmSync(path.join(config.embedded.home), { recursive: true, force: true });
    process.env.RINGSCOPE_TEST_FRESH_DB = 'done';
  }
  handle = await startEmbedded(config, { attached: true, log: (l) => console.log(l) });
  project.provide('neo4jUri', handle.uri);
  project.provide('neo4jPassword', config.neo4j.password);
}

export async function teardown(): Promise<void> {
  await handle?.stop();
}
