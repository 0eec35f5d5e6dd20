// The one place that decides what an API error looks like to a client: a code from DESIGN.md
// in extensions.code and a message safe to show. Database and unexpected errors never leak
// Cypher, driver messages or stack traces.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DbError } from '../db/errors.js';
import { IdError } from '../model/ids.js';
import { ParamError } from '../queries/catalog.js';
import { log } from '../log.js';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'DATABASE_UNAVAILABLE'
  | 'QUERY_TIMEOUT'
  | 'QUERY_TOO_COSTLY'
  | 'SERVER_BUSY'
  | 'BAD_REQUEST'
  | 'INTERNAL_SERVER_ERROR';

/** An error for clients; `status` sets the HTTP status when it ends the whole request. */
export function apiError(code: ErrorCode, message: string, status?: number): GraphQLError {
  return new GraphQLError(message, { extensions: status ? { code, http: { status } } : { code } });
}

export const badInput = (message: string) => apiError('BAD_USER_INPUT', message);
export const notFound = (what: string) => apiError('NOT_FOUND', `${what} not found`);

/** Codes that Apollo / graphql-js produce themselves and whose messages are safe to pass on. */
const PASS_THROUGH = new Set([
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'DATABASE_UNAVAILABLE',
  'QUERY_TIMEOUT',
  'QUERY_TOO_COSTLY',
  'SERVER_BUSY',
]);

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof DbError) {
    if (original.code === 'DATABASE_UNAVAILABLE') {
      return {
        ...base,
        message: 'the graph database is not reachable; try again shortly',
        extensions: { code: 'DATABASE_UNAVAILABLE' },
      };
    }
    if (original.code === 'QUERY_TIMEOUT') {
      return {
        ...base,
        message: 'the query took longer than the configured timeout',
        extensions: { code: 'QUERY_TIMEOUT' },
      };
    }
  }
  if (original instanceof IdError || original instanceof ParamError) {
    return { ...base, message: original.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const code = String(formatted.extensions?.code ?? '');
  // Parse and validation failures (limits included) are the client's input: one code for them.
  if (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED') {
    return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (PASS_THROUGH.has(code)) return { ...base, message: formatted.message, extensions: { code } };
  if (code === 'INTERNAL_SERVER_ERROR' || !code) {
    log.error({ err: original, path: formatted.path }, 'internal error in a GraphQL operation');
  }
  return { ...base, message: 'internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
