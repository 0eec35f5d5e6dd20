// The `ringscope` command line: db, generate, ingest, detect, query, report, serve.
// Each command parses its options, opens what it needs and prints text (or JSON with --json).
import { Command, CommanderError } from 'commander';
import { loadConfig, type Config } from './config.js';
import { openDatabase } from './db/connect.js';
import { embeddedStatus, startEmbedded, stopEmbedded } from './db/embedded.js';
import { buildApp } from './http/app.js';
import { listen, onShutdown } from './http/serve.js';
import { readHealth } from './http/health.js';

function config(): Config {
  return loadConfig();
}

const program = new Command();
program
  .name('ringscope')
  .description('Graph-based fraud ring explorer: ingest logs into Neo4j, detect rings, explore them.')
  .showHelpAfterError()
  .exitOverride();

const db = program.command('db').description('the embedded Neo4j (ignored when NEO4J_URI is set)');
db.command('start')
  .description('start the embedded Neo4j in the background and leave it running')
  .action(async () => {
    const c = config();
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
    const stopped = await stopEmbedded(config());
    console.log(stopped ? 'embedded Neo4j stopped' : 'no embedded Neo4j started by ringscope is running');
  });
db.command('status')
  .description('is the database reachable; version and counts')
  .option('--json', 'machine-readable output')
  .action(async (opts: { json?: boolean }) => {
    const c = config();
    const listening = c.neo4j.uri ? true : (await embeddedStatus(c)).listening;
    if (!listening) {
      if (opts.json) console.log(JSON.stringify({ connected: false }));
      else console.log(`embedded Neo4j is not running (bolt port ${c.embedded.boltPort})`);
      process.exitCode = 3;
      return;
    }
    const open = await openDatabase(c, { applySchema: false });
    try {
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

program
  .command('serve')
  .description('start the GraphQL API and the web app (starts the embedded Neo4j when NEO4J_URI is unset)')
  .option('--demo', 'load generated demo data and run detection when the database is empty')
  .action(async (opts: { demo?: boolean }) => {
    const c = config();
    const started = Date.now();
    const open = await openDatabase(c);
    if (open.embedded?.owned) console.error(`ringscope: embedded Neo4j ready in ${open.embedded.startMs} ms`);
    try {
      if (opts.demo) {
        const { loadDemoIfEmpty } = await import('./demo.js');
        await loadDemoIfEmpty(c, open.db);
      }
      const { mountGraphql } = await import('./graphql/mount.js');
      const mount = await mountGraphql(c, open.db);
      const app = buildApp({ config: c, db: open.db, mount: mount.attach });
      const server = await listen(app, c);
      onShutdown(async () => {
        const closed = new Promise<void>((r) => server.close(() => r()));
        server.closeAllConnections();
        await closed;
        await mount.stop();
        await open.close();
      });
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : c.http.port;
      const host = c.http.host === '127.0.0.1' ? 'localhost' : c.http.host;
      console.log(`ringscope ready: http://${host}:${port} (${Date.now() - started} ms)`);
    } catch (e) {
      await open.close();
      throw e;
    }
  });

export async function main(argv: string[]): Promise<void> {
  // `ringscope detect | head` closes stdout early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  const { registerDataCommands } = await import('./cli-data.js');
  registerDataCommands(program, config);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode;
      return;
    }
    console.error(`ringscope: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}

await main(process.argv);
