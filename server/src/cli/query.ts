// `ringscope query NAME --param k=v …`: run a saved query from cypher/queries (`--list` shows them).
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connect.js';
import { formatTable } from './text-table.js';

function collectParam(text: string, acc: Record<string, string>): Record<string, string> {
  const cut = text.indexOf('=');
  if (cut <= 0) throw new Error(`--param must look like name=value, got '${text}'`);
  return { ...acc, [text.slice(0, cut)]: text.slice(cut + 1) };
}

export function registerQuery(program: Command): void {
  program
    .command('query')
    .description('run a saved query from cypher/queries (`query --list` shows them and their parameters)')
    .argument('[name]', 'saved query name, e.g. accounts-sharing-device')
    .option('--param <k=v>', 'parameter value (repeat for each parameter)', collectParam, {})
    .option('--list', 'list the saved queries')
    .option('--json', 'print { columns, rows, truncated, elapsedMs, graph: { nodes, edges } } as JSON')
    .action(
      async (name: string | undefined, opts: { param: Record<string, string>; list?: boolean; json?: boolean }) => {
        const { loadSavedQueries } = await import('../queries/catalog.js');
        const { runSavedQuery } = await import('../queries/run.js');
        const c = loadConfig();
        const open = await openDatabase(c);
        try {
          const queries = await loadSavedQueries(open.db);
          if (opts.list || !name) {
            for (const q of queries.values()) {
              const params = q.params.map(
                (p) =>
                  `${p.name}: ${p.type}${p.default === undefined || p.default === null ? ' (required)' : ` = ${String(p.default)}`}`,
              );
              console.log(
                `${q.name} (${q.mode})${params.length ? `  --param ${params.join(', ')}` : ''}\n  ${q.description}`,
              );
            }
            if (!name && !opts.list) process.exitCode = 2;
            return;
          }
          const q = queries.get(name);
          if (!q) throw new Error(`no saved query '${name}' (try: ringscope query --list)`);
          const result = await runSavedQuery(open.db, q, opts.param, {
            maxRows: c.limits.maxRows,
            maxNodes: c.limits.maxNodes,
            timeoutMs: c.limits.queryTimeoutMs,
          });
          if (opts.json) {
            console.log(JSON.stringify(result));
            return;
          }
          console.log(formatTable(result.columns, result.rows));
          console.log(
            `${result.rows.length} row${result.rows.length === 1 ? '' : 's'}${result.truncated ? ' (truncated)' : ''}, ` +
              `${result.graph.nodes.length} nodes and ${result.graph.edges.length} relationships in the graph, ${result.elapsedMs} ms`,
          );
        } finally {
          await open.close();
        }
      },
    );
}
