// What can go wrong talking to Neo4j, in the few words the rest of the server needs: a DbError
// carries a stable code (unavailable, timed out, invalid query, constraint, other) that the API
// maps to its own error codes, and keeps the driver's code for logs only.
export type DbErrorCode = 'DATABASE_UNAVAILABLE' | 'QUERY_TIMEOUT' | 'INVALID_QUERY' | 'CONSTRAINT' | 'DATABASE_ERROR';

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
    readonly neo4jCode?: string,
  ) {
    super(message);
  }
}

export function mapDriverError(e: unknown): DbError {
  if (e instanceof DbError) return e;
  const err = e as { code?: string; message?: string; name?: string };
  const code = String(err.code ?? '');
  const message = String(err.message ?? e);
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /connect|ECONNREFUSED/i.test(code)) {
    return new DbError('DATABASE_UNAVAILABLE', 'the graph database is not reachable', code);
  }
  if (code.includes('TransactionTimedOut') || code.includes('Transaction.Terminated') || /timed? ?out/i.test(message)) {
    return new DbError('QUERY_TIMEOUT', 'the query took longer than the configured timeout', code);
  }
  if (code.startsWith('Neo.ClientError.Statement')) {
    return new DbError('INVALID_QUERY', message, code);
  }
  if (code.startsWith('Neo.ClientError.Schema.ConstraintValidationFailed')) {
    return new DbError('CONSTRAINT', message, code);
  }
  return new DbError('DATABASE_ERROR', message, code || undefined);
}
