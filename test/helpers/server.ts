// Starts the whole ringscope server in-process (Express + GraphQL + built client) on a free port,
// against the test database, for HTTP and browser tests.
import type { Server } from 'node:http';
import type { Config } from '../../server/src/config.js';
import type { Database } from '../../server/src/db/database.js';
import { mountGraphql } from '../../server/src/graphql/mount.js';
import { buildApp } from '../../server/src/http/app.js';
import { listen } from '../../server/src/http/serve.js';

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(config: Config, db: Database): Promise<RunningServer> {
  const mount = await mountGraphql(config, db);
  const server = await listen(buildApp({ config, db, mount: mount.attach }), config);
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await mount.stop();
    },
  };
}
