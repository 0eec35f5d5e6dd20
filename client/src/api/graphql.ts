// The browser's only way to the data: POST /graphql on the same origin. Errors come back with a
// code and a message meant for people.
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('NETWORK', 'The ringscope server cannot be reached.');
  }
  const body = (await res.json().catch(() => null)) as {
    data?: T;
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
  return body.data as T;
}

export interface GNode {
  id: string;
  type: string;
  key: string;
  label: string;
  risk: number | null;
  tags: string[];
  props: Record<string, unknown> | null;
}
export interface GEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  count: number | null;
  firstSeen: string | null;
  lastSeen: string | null;
}
export interface GGraph {
  nodes: GNode[];
  edges: GEdge[];
  truncated: boolean;
}

export const NODE_FIELDS = 'id type key label risk tags props';
export const EDGE_FIELDS = 'id source target type count firstSeen lastSeen';
export const GRAPH_FIELDS = `nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } truncated`;
