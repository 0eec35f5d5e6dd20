// Starts the HTTP server on the configured host and port and closes everything on SIGINT/SIGTERM.
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Config } from '../config.js';
import { log } from '../log.js';

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Refuses to listen beyond loopback without bearer tokens: there the local user is not admin. */
export function assertSafeBinding(config: Config): void {
  if (!isLoopback(config.http.host) && config.tokens.size === 0) {
    throw new Error(
      `HOST=${config.http.host} is not a loopback address: set RINGSCOPE_TOKENS (token:role,…) before listening there`,
    );
  }
}

export function listen(app: Express, config: Config): Promise<Server> {
  assertSafeBinding(config);
  return new Promise((resolve, reject) => {
    const server = app.listen(config.http.port, config.http.host, (err?: Error) => {
      if (err) reject(err);
      else resolve(server);
    });
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'EADDRINUSE'
          ? new Error(`port ${config.http.port} on ${config.http.host} is already in use: set PORT to another port`)
          : e,
      );
    });
  });
}

export function onShutdown(close: () => Promise<void>): void {
  let closing = false;
  const handler = (signal: string) => {
    if (closing) {
      log.warn({ signal }, 'second signal: exiting without waiting for requests in flight');
      process.exit(1);
    }
    closing = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    close()
      .catch((e: unknown) => log.error({ err: e }, 'error while shutting down'))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}
