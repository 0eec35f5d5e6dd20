// The browser's only way to the data: POST /graphql on the same origin. Documents are typed from
// server/src/graphql/schema.graphql by gql.tada (graphql-env.d.ts is generated from it by
// `npm run codegen`), so a field the schema does not have fails the type check, not the user.
import { print } from '@0no-co/graphql.web';
import { initGraphQLTada, type TadaDocumentNode } from 'gql.tada';
import type { introspection } from './graphql-env.js';
import { authHeaders } from './token.js';
import { revealControls } from './visible-text.js';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { JSON: unknown };
  disableMasking: true;
}>();
export type { ResultOf, VariablesOf } from 'gql.tada';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function gql<R, V>(doc: TadaDocumentNode<R, V>, variables: V): Promise<R> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders() },
      body: JSON.stringify({ query: print(doc), variables }),
    });
  } catch {
    throw new ApiError('NETWORK', 'The ringscope server cannot be reached.');
  }
  const body = (await res
    .text()
    .then((t) => JSON.parse(t, revealControls) as unknown)
    .catch(() => null)) as {
    data?: R;
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  if (!body) throw new ApiError('INTERNAL_SERVER_ERROR', `The server answered ${res.status} without data.`);
  const err = body.errors?.[0];
  if (err) {
    const code = err.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    const message =
      code === 'DATABASE_UNAVAILABLE' ? 'The graph database is unavailable. Check that Neo4j is running.' : err.message;
    throw new ApiError(code, message);
  }
  return body.data as R;
}

/** A message for people from anything thrown. */
export function messageOf(e: unknown): string {
  return e instanceof ApiError ? e.message : e instanceof Error ? `Unexpected error: ${e.message}` : String(e);
}
