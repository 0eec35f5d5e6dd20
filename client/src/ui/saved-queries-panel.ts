// The saved-query runner: pick a query, fill a form built from its declared parameters (with their
// ranges), run it, see the rows in the full-width results table and any nodes on the canvas.
import { html, nothing, render } from 'lit-html';
import { gql, messageOf } from '../api/graphql.js';
import { RunSavedQuery, SavedQueriesQuery, type SavedQuery, type SavedQueryResult } from '../api/queries.js';
import { byId } from './dom.js';
import { ResultsTable } from './results-table.js';
import type { Workspace } from './workspace.js';

const isNumber = (type: string) => type === 'Int' || type === 'Float';

/** "Int 1…10000, required": the parameter's type, range and whether it must be given. */
function hint(p: SavedQuery['params'][number]): string {
  const type = p.type === 'AccountKey' ? 'account key' : p.type;
  const range = p.min !== null || p.max !== null ? ` ${p.min ?? ''}…${p.max ?? ''}` : '';
  return `${type}${range}${p.required ? ', required' : ''}`;
}

function form(q: SavedQuery | undefined) {
  if (!q) return html``;
  return html`${q.params.map(
      (p) =>
        html`<label
          >${p.name} <small>${hint(p)}</small
          ><input
            name=${p.name}
            type=${isNumber(p.type) ? 'number' : 'text'}
            step=${p.type === 'Float' ? 'any' : '1'}
            min=${p.min ?? nothing}
            max=${p.max ?? nothing}
            .value=${p.default ?? ''}
            ?required=${p.required}
            title=${p.description}
            placeholder=${p.description}
        /></label>`,
    )}<button>Run</button>`;
}

export function initSavedQueriesPanel(ws: Workspace): void {
  let queries: SavedQuery[] = [];
  const results = new ResultsTable(ws);
  const select = byId<HTMLSelectElement>('query-select');
  const selected = () => queries.find((x) => x.name === select.value);
  const drawForm = () => {
    byId('query-desc').textContent = selected()?.description ?? '';
    // Queries that write need admin (the API refuses them below); the others need analyst.
    byId('query-form').dataset.needs = selected()?.mode === 'write' ? 'admin' : 'analyst';
    render(form(selected()), byId('query-form'));
  };

  select.onchange = drawForm;
  byId<HTMLFormElement>('query-form').onsubmit = async (ev) => {
    ev.preventDefault();
    const q = selected();
    if (!q) return;
    const params: Record<string, unknown> = {};
    const fields = byId<HTMLFormElement>('query-form').elements;
    for (const p of q.params) {
      const v = (fields.namedItem(p.name) as HTMLInputElement).value;
      if (v === '') continue;
      params[p.name] = isNumber(p.type) ? Number(v) : p.type === 'Boolean' ? v === 'true' : v;
    }
    const out = byId('query-result');
    render(html`<p class="muted">Running…</p>`, out);
    try {
      const { runSavedQuery } = await gql(RunSavedQuery, { name: q.name, params });
      render(html`<p class="muted">${runSavedQuery.rows.length} rows: see the table under the canvas.</p>`, out);
      results.show(q.name, runSavedQuery);
      if (runSavedQuery.graph.nodes.length) ws.addGraph(runSavedQuery.graph, 'force');
    } catch (e) {
      render(html`<p class="error">${messageOf(e)}</p>`, out);
    }
  };

  void (async () => {
    try {
      queries = (await gql(SavedQueriesQuery, {})).savedQueries;
      render(
        queries.map((q) => html`<option value=${q.name}>${q.name}</option>`),
        select,
      );
      drawForm();
    } catch (e) {
      byId('query-desc').textContent = messageOf(e);
    }
  })();
}
