// Apollo Server for the app's schema, with the saved-query catalogue validated before the first
// request, operation limits, the cost budget and per-role admission lanes; its Express handler is
// served at /graphql by http/app.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { RequestHandler } from 'express';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { loadSavedQueries } from '../queries/catalog.js';
import { Admission, admissionPlugin, admitted } from './admission.js';
import { callerFrom } from './auth.js';
import { formatError } from './errors.js';
import { operationLimits } from './limits.js';
import type { Context } from './context.js';
import { buildResolvers } from './resolvers.js';
import { apolloLogger } from '../log.js';

const typeDefs = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema.graphql'), 'utf8');

export interface GraphqlMount {
  /** Answers a parsed JSON request; http/app.ts mounts it at /graphql behind the body checks. */
  handler: RequestHandler;
  stop(): Promise<void>;
  server: ApolloServer<Context>;
}

export async function mountGraphql(config: Config, db: Database): Promise<GraphqlMount> {
  const savedQueries = await loadSavedQueries(db);
  const server = new ApolloServer<Context>({
    typeDefs,
    resolvers: admitted(buildResolvers(config, db, savedQueries), new Admission()),
    formatError,
    logger: apolloLogger(),
    validationRules: [operationLimits],
    // No Apollo landing page (its Sandbox loads from the internet): a browser opening /graphql
    // gets the bundled GraphiQL at /graphiql instead.
    plugins: [admissionPlugin(config), ApolloServerPluginLandingPageDisabled()],
    includeStacktraceInErrorResponses: false,
    // The CLI owns signal handling: it closes HTTP, Apollo, the driver and the JVM in order.
    stopOnTerminationSignals: false,
  });
  await server.start();
  return {
    server,
    handler: expressMiddleware(server, { context: async ({ req }) => ({ caller: callerFrom(req, config) }) }),
    stop: () => server.stop(),
  };
}
