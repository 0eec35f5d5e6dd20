// `ringscope db start|stop|status`: the embedded Neo4j (ignored when NEO4J_URI is set).
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connect.js';
import { embeddedStatus, startEmbedded, stopEmbedded } from '../db/embedded.js';

export function registerDb(program: Command): void {
  const db = program.command('db').description('the embedded Neo4j (ignored when NEO4J_URI is set)');
  db.command('start')
    .description('start the embedded Neo4j in the background and leave it running')
    .action(async () => {
      const c = loadConfig();
      if (c.neo4j.uri) throw new Error('NEO4J_URI is set: there is no embedded database to start');
      const h = await startEmbedded(c, { attached: false });
      console.log(
        h.startMs > 0
          ? `embedded Neo4j started: ${h.uri} (pid ${h.pid}, ${h.startMs} ms), data in ${c.embedded.home}`
          : `embedded Neo4j already running: ${h.uri}${h.pid ? ` (pid ${h.pid})` : ''}`,
      );
    });
  db.command('stop')
    .description('stop the embedded Neo4j started by `db start`')
    .action(async () => {
      const stopped = await stopEmbedded(loadConfig());
      console.log(stopped ? 'embedded Neo4j stopped' : 'no embedded Neo4j started by ringscope is running');
    });
  db.command('status')
    .description('is the database reachable; version and counts')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const c = loadConfig();
      const listening = c.neo4j.uri ? true : (await embeddedStatus(c)).listening;
      if (!listening) {
        if (opts.json) console.log(JSON.stringify({ connected: false }));
        else console.log(`embedded Neo4j is not running (bolt port ${c.embedded.boltPort})`);
        process.exitCode = 3;
        return;
      }
      const open = await openDatabase(c, { applySchema: false });
      try {
        const { readHealth } = await import('../explore/health.js');
        const health = await readHealth(open.db);
        if (opts.json) console.log(JSON.stringify(health.neo4j));
        else if (!health.neo4j.connected) console.log('database not reachable');
        else {
          const counts = Object.entries(health.neo4j.counts ?? {})
            .map(([k, v]) => `${k}=${v}`)
            .join(' ');
          console.log(`connected: Neo4j ${health.neo4j.version} ${health.neo4j.edition}; ${counts}`);
        }
      } finally {
        await open.close();
      }
    });
}
