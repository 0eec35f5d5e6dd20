// `ringscope serve [--demo]`: the GraphQL API and the web app; starts the embedded Neo4j when
// NEO4J_URI is unset, and closes everything in order on SIGINT/SIGTERM.
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connect.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the GraphQL API and the web app (starts the embedded Neo4j when NEO4J_URI is unset)')
    .option('--demo', 'load generated demo data and run detection when the database is empty')
    .action(async (opts: { demo?: boolean }) => {
      // The HTTP stack (Express, Apollo, the schema) loads only for this command: other commands
      // do not pay its ~50 MB (bench/README.md).
      const { onShutdown } = await import('../http/serve.js');
      const { startServer } = await import('../http/start-server.js');
      const c = loadConfig();
      const started = Date.now();
      const open = await openDatabase(c);
      if (open.embedded?.owned) console.error(`ringscope: embedded Neo4j ready in ${open.embedded.startMs} ms`);
      try {
        // Listen first: the web app and /health answer at once; the demo load (empty database only)
        // runs behind them and shows its progress under tasks.demo in /health.
        const running = await startServer(c, open.db);
        onShutdown(async () => {
          await running.close();
          await open.close();
        });
        const host = c.http.host === '127.0.0.1' ? 'localhost' : c.http.host;
        console.log(`ringscope ready: http://${host}:${running.port} (${Date.now() - started} ms)`);
        if (opts.demo) {
          const { startDemoLoad } = await import('../demo.js');
          startDemoLoad(c, open.db).catch((e: unknown) =>
            console.error(`ringscope: the demo load failed: ${e instanceof Error ? e.message : String(e)}`),
          );
        }
      } catch (e) {
        await open.close();
        throw e;
      }
    });
}
