// Mounts Apollo Server at /graphql on the Express app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { readHealth } from '../http/health.js';

const typeDefs = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema.graphql'), 'utf8');

export interface GraphqlMount {
  attach(app: Express): void;
  stop(): Promise<void>;
}

export async function mountGraphql(_config: Config, db: Database): Promise<GraphqlMount> {
  const server = new ApolloServer({
    typeDefs,
    resolvers: {
      Query: {
        stats: async () => {
          const h = await readHealth(db);
          const c = h.neo4j.counts ?? {};
          return {
            nodes: c.nodes ?? 0,
            relationships: c.relationships ?? 0,
            accounts: c.accounts ?? 0,
            rings: c.rings ?? 0,
            neo4jVersion: h.neo4j.version ?? 'unknown',
          };
        },
      },
    },
    includeStacktraceInErrorResponses: false,
    // The CLI owns signal handling: it closes HTTP, Apollo, the driver and the JVM in order.
    stopOnTerminationSignals: false,
  });
  await server.start();
  return {
    attach: (app) => app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(server)),
    stop: () => server.stop(),
  };
}
