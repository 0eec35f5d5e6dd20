// The one way the server is wired: GraphQL mounted on the Express app, listening on the configured
// host and port. The CLI `serve` command, the tests and the benchmarks all start it here; the
// caller owns the database and closes it after `close()`.
import type { Server } from 'node:http';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { mountGraphql } from '../graphql/mount.js';
import { setLogLevel } from '../log.js';
import { buildApp } from './app.js';
import { listen } from './serve.js';

export interface RunningServer {
  /** Base URL to reach it on (loopback when it listens on every address). */
  url: string;
  port: number;
  server: Server;
  /** Stops taking requests, drops open connections, stops Apollo. Leaves the database open. */
  close(): Promise<void>;
}

export async function startServer(config: Config, db: Database): Promise<RunningServer> {
  setLogLevel(config.logLevel);
  const mount = await mountGraphql(config, db);
  let server: Server;
  try {
    server = await listen(buildApp({ config, db, mount: mount.attach }), config);
  } catch (e) {
    await mount.stop();
    throw e;
  }
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.http.port;
  const host = config.http.host;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    server,
    close: async () => {
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
      await mount.stop();
    },
  };
}
