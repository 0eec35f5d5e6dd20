// The GraphQL IDE the app serves at /graphiql (and GET /graphql from a browser): GraphiQL built
// into the client bundle, so it works with no network beyond this server (no CDN, no Apollo
// Sandbox). Its documentation explorer shows the schema's descriptions.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const DEFAULT_QUERY = `# ringscope GraphQL API: Ctrl+Enter runs, the book icon opens the documentation.
{
  stats { accounts rings neo4jVersion }
  rings(first: 5) { nodes { id score size reasons { code detail } } }
}
`;

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString() });
const root = document.getElementById('graphiql');
if (!root) throw new Error('The page has no #graphiql');
createRoot(root).render(createElement(GraphiQL, { fetcher, defaultQuery: DEFAULT_QUERY }));
