// Opens the graph database for a command or the server: the configured NEO4J_URI, or the
// embedded launcher (started or reused). Applies the schema before anything else runs.
import path from 'node:path';
import type { Config } from '../config.js';
import { setLogLevel } from '../log.js';
import { CypherCatalog } from './cypher-catalog.js';
import { Database } from './database.js';
import { startEmbedded, type EmbeddedHandle } from './embedded.js';

export interface OpenDatabase {
  db: Database;
  embedded: EmbeddedHandle | undefined;
  close(): Promise<void>;
}

export async function openDatabase(
  config: Config,
  opts: { log?: (line: string) => void; applySchema?: boolean } = {},
): Promise<OpenDatabase> {
  setLogLevel(config.logLevel);
  const catalog = new CypherCatalog(path.join(config.rootDir, 'cypher'));
  let embedded: EmbeddedHandle | undefined;
  let uri = config.neo4j.uri;
  if (!uri) {
    embedded = await startEmbedded(config, { attached: true, log: opts.log });
    uri = embedded.uri;
  }
  const db = new Database(config, catalog, uri);
  try {
    await db.waitUntilReachable(30_000);
    if (opts.applySchema !== false) await db.applySchema();
  } catch (e) {
    await db.close();
    await embedded?.stop();
    throw e;
  }
  return {
    db,
    embedded,
    close: async () => {
      await db.close();
      await embedded?.stop();
    },
  };
}
