// Builds the Express app (no listen): security headers, the Host check, compression, /health,
// /graphql and the built client; every error as JSON. Tests import this.
import fs from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { hostAllowList, jsonErrors, requireJsonBody } from './bad-requests.js';
import { HealthProbe, healthHandler } from './health.js';

export interface AppParts {
  config: Config;
  db: Database;
  /** Answers /health; by default checks through `db` itself. */
  health?: HealthProbe;
  /** The GraphQL endpoint (graphql/mount.ts), served at /graphql before the static client. */
  graphql?: RequestHandler;
}

/** Largest request body accepted at /graphql. */
export const MAX_BODY = '1mb';

export function buildApp({ config, db, health, graphql }: AppParts): Express {
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
  // Ring graphs and expansions are large, repetitive JSON: gzip them for clients that accept it.
  app.use(compression());
  app.get('/health', healthHandler(health ?? new HealthProbe(db), config));
  if (graphql) {
    // A browser opening /graphql (it asks for HTML first) gets the IDE, with any ?query= in the
    // link; API clients asking for JSON (or anything) keep GET queries as Apollo answers them.
    app.get('/graphql', (req, res, next) => {
      if (req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
      const at = req.originalUrl.indexOf('?');
      res.redirect(303, `/graphiql${at >= 0 ? req.originalUrl.slice(at) : ''}`);
    });
    app.use('/graphql', requireJsonBody, express.json({ limit: MAX_BODY }), graphql);
  }
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
