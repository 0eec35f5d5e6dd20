// The one way the server is wired: GraphQL mounted on the Express app, listening on the configured
// host and port. The CLI `serve` command, the tests and the benchmarks all start it here; the
// caller owns the database and closes it after `close()`.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { mountGraphql } from '../graphql/mount.js';
import { setLogLevel } from '../log.js';
import { buildApp } from './app.js';
import { HealthProbe } from './health.js';
import { listen } from './serve.js';

export interface RunningServer {
  /** Base URL to reach it on (loopback when it listens on every address). */
  url: string;
  port: number;
  server: Server;
  /**
   * Stops taking connections, lets requests in flight finish (at most `graceMs`, then drops
   * them), stops Apollo and the health checks' pool. Leaves the database open for the caller.
   */
  close(graceMs?: number): Promise<void>;
}

/** How long a shutdown waits for requests in flight. */
export const SHUTDOWN_GRACE_MS = 15_000;

export async function startServer(config: Config, db: Database): Promise<RunningServer> {
  setLogLevel(config.logLevel);
  const mount = await mountGraphql(config, db);
  const healthDb = db.sibling(2);
  const health = new HealthProbe(healthDb).start();
  let server: Server;
  try {
    server = await listen(buildApp({ config, db, health, graphql: mount.handler }), config);
  } catch (e) {
    await mount.stop();
    health.stop();
    await healthDb.close();
    throw e;
  }
  let active = 0;
  let closing = false;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    active++;
    if (closing) res.setHeader('connection', 'close');
    res.once('close', () => active--);
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.http.port;
  const host = config.http.host;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    server,
    close: async (graceMs = SHUTDOWN_GRACE_MS) => {
      closing = true;
      const closed = new Promise<void>((r) => server.close(() => r()));
      // Requests in flight (also those still arriving on open connections) finish; then, or
      // after the grace, every connection is closed.
      const deadline = Date.now() + graceMs;
      while (active > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      server.closeAllConnections();
      await closed;
      await mount.stop();
      health.stop();
      await healthDb.close();
    },
  };
}
