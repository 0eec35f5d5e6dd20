// Builds the web app into client/dist, which the server serves on the same origin as /graphql.
// Three pages: index.html (the app), graphiql.html (the GraphQL IDE, served at /graphiql) and
// bench.html (the app plus the render-benchmark hook, for bench/render.ts only).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      input: {
        app: path.join(here, 'index.html'),
        graphiql: path.join(here, 'graphiql.html'),
        bench: path.join(here, 'bench.html'),
      },
      // GraphiQL's React dependencies mark modules "use client" (a server-components directive
      // that means nothing in a static bundle): one warning per module would bury real ones.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/graphql': 'http://localhost:4000', '/health': 'http://localhost:4000' } },
});
