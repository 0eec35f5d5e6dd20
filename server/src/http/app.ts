// Builds the Express app (no listen): /health, /graphql and the built client. Tests import this.
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { healthHandler } from './health.js';

export interface AppParts {
  config: Config;
  db: Database;
  /** Extra middleware mounted before the static client (the GraphQL endpoint). */
  mount?: (app: Express) => void;
}

export function buildApp({ config, db, mount }: AppParts): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', healthHandler(db));
  mount?.(app);
  const dist = path.join(config.rootDir, 'client', 'dist');
  if (fs.existsSync(path.join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: 'index.html', maxAge: '1h' }));
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The web app is not built: run `npm run build:client`.');
    });
  }
  return app;
}
