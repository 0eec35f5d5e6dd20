// The GraphQL IDE the app serves at /graphiql (and GET /graphql from a browser): GraphiQL built
// into the client bundle, so it works with no network beyond this server (no CDN, no Apollo
// Sandbox). Its documentation explorer shows the schema's descriptions.
// Token mode: requests carry the token the main app stored for this tab (api/token.ts), unless the
// headers editor gives its own Authorization; with no token the headers editor opens with a hint.
// A query can come in the link (?query=…&variables=…), and the link follows the editor.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { authHeaders, currentToken } from '../api/token.js';

const DEFAULT_QUERY = `# ringscope GraphQL API: Ctrl+Enter runs, the book icon opens the documentation.
{
  stats { accounts rings neo4jVersion }
  rings(first: 5) { nodes { id score size reasons { code detail } } }
}
`;

const TOKEN_HINT = `{
  // This server needs an access token. Sign in on
  // the main page in this tab and come back (the IDE
  // then sends the same token), or give it here:
  // "Authorization": "Bearer <your token>"
}
`;

/** fetch with this tab's token, unless the headers editor already says who is calling. */
const fetchWithToken: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  const token = currentToken();
  if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};

/** True when the server wants a token and this tab has none that it accepts. */
async function needsToken(): Promise<boolean> {
  try {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders() },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    return body.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';
  } catch {
    return false; // unreachable: GraphiQL shows that itself on the first request
  }
}

/** Keeps ?query= and ?variables= in the address bar in step with the editors, for sharing. */
function reflectInUrl(name: 'query' | 'variables', value: string): void {
  const url = new URL(window.location.href);
  if (value.trim()) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
  window.history.replaceState(null, '', url);
}

async function start(): Promise<void> {
  const root = document.getElementById('graphiql');
  if (!root) throw new Error('The page has no #graphiql');
  const params = new URLSearchParams(window.location.search);
  const hint = (await needsToken()) && !currentToken();
  const fetcher = createGraphiQLFetcher({
    url: new URL('/graphql', window.location.href).toString(),
    fetch: fetchWithToken,
  });
  createRoot(root).render(
    createElement(GraphiQL, {
      fetcher,
      defaultQuery: DEFAULT_QUERY,
      initialQuery: params.get('query') ?? undefined,
      initialVariables: params.get('variables') ?? undefined,
      onEditQuery: (q: string) => reflectInUrl('query', q),
      onEditVariables: (v: string) => reflectInUrl('variables', v),
      ...(hint
        ? { defaultHeaders: TOKEN_HINT, initialHeaders: TOKEN_HINT, defaultEditorToolsVisibility: 'headers' }
        : {}),
    }),
  );
}

void start();
