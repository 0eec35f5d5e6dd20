// Test access to the real Neo4j started by the global setup: a config pointing at it, an open
// Database, and a wipe used at the start of each file (files run one at a time).
import path from 'node:path';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../server/src/config.js';
import { CypherCatalog } from '../../server/src/db/cypher-catalog.js';
import { Database } from '../../server/src/db/database.js';

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    ...process.env,
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_PASSWORD: inject('neo4jPassword'),
    PORT: '0',
    ...env,
  });
}

/**
 * Environment for an embedded Neo4j of a test's own (never NEO4J_URI): its data dir and a Bolt port
 * at `portOffset` from the test database's, so ports of parallel checkouts stay apart.
 */
export function ownEmbeddedEnv(dataDir: string, portOffset: number): NodeJS.ProcessEnv {
  const { NEO4J_URI: _external, ...env } = process.env;
  return {
    ...env,
    RINGSCOPE_DATA_DIR: dataDir,
    RINGSCOPE_BOLT_PORT: String(Number(process.env.RINGSCOPE_TEST_BOLT_PORT ?? '17687') + portOffset),
    RINGSCOPE_PAGECACHE: process.env.RINGSCOPE_TEST_PAGECACHE ?? '512m',
    RINGSCOPE_HEAP: process.env.RINGSCOPE_TEST_HEAP ?? '2g',
  };
}

export async function openTestDb(config: Config = testConfig()): Promise<Database> {
  const db = new Database(config, new CypherCatalog(path.join(config.rootDir, 'cypher')), config.neo4j.uri!);
  await db.waitUntilReachable(30_000);
  await db.applySchema();
  return db;
}

/** Deletes every node: each test file starts from an empty graph. */
export async function wipe(db: Database): Promise<void> {
  await db.runAutoCommit('admin/delete-all');
}
