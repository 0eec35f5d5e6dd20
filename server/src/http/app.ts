// Builds the Express app (no listen): security headers, the Host check, /health, /graphql and the
// built client; every error as JSON. Tests import this.
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { hostAllowList, jsonErrors } from './bad-requests.js';
import { HealthProbe, healthHandler } from './health.js';

export interface AppParts {
  config: Config;
  db: Database;
  /** Answers /health; by default checks through `db` itself. */
  health?: HealthProbe;
  /** Extra middleware mounted before the static client (the GraphQL endpoint). */
  mount?: (app: Express) => void;
}

export function buildApp({ config, db, health, mount }: AppParts): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // lit-html and Cytoscape set element styles; no inline script is allowed.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          // GraphiQL's stylesheet carries its fonts (Roboto, Fira Code, codicons) as data: URLs.
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      frameguard: { action: 'deny' },
      // Plain HTTP on loopback: no HSTS (it would pin localhost to HTTPS for every other app).
      strictTransportSecurity: false,
    }),
  );
  app.use(hostAllowList(config));
  app.get('/health', healthHandler(health ?? new HealthProbe(db), config));
  mount?.(app);
  const dist = path.join(config.rootDir, 'client', 'dist');
  if (fs.existsSync(path.join(dist, 'index.html'))) {
    // The GraphQL IDE (GraphiQL, bundled: works offline).
    app.get('/graphiql', (_req, res) => res.sendFile(path.join(dist, 'graphiql.html')));
    app.use(express.static(dist, { index: 'index.html', maxAge: '1h' }));
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The web app is not built: run `npm run build:client`.');
    });
  }
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('not found');
  });
  app.use(jsonErrors);
  return app;
}
