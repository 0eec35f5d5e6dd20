// The saved-query runner: pick a query, fill a form built from its declared parameters, run it,
// see the rows as a table and any nodes on the canvas.
import { html, render } from 'lit-html';
import { gql, messageOf } from '../api/graphql.js';
import { RunSavedQuery, SavedQueriesQuery, type SavedQuery, type SavedQueryResult } from '../api/queries.js';
import { byId } from './dom.js';
import type { Workspace } from './workspace.js';

const isNumber = (type: string) => type === 'Int' || type === 'Float';
const cell = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? ''));

function form(q: SavedQuery | undefined) {
  if (!q) return html``;
  return html`${q.params.map(
      (p) =>
        html`<label
          >${p.name} <small>${p.type}${p.required ? ', required' : ''}</small
          ><input
            name=${p.name}
            type=${isNumber(p.type) ? 'number' : 'text'}
            step=${p.type === 'Float' ? 'any' : '1'}
            .value=${p.default ?? ''}
            ?required=${p.required}
            title=${p.description}
            placeholder=${p.description}
        /></label>`,
    )}<button>Run</button>`;
}

function table(r: SavedQueryResult) {
  return html`<p class="muted">${r.rows.length} rows${r.truncated ? ' (truncated)' : ''} in ${r.elapsedMs} ms</p>
    <table class="result">
      <thead>
        <tr>
          ${r.columns.map((c) => html`<th>${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${r.rows.slice(0, 200).map(
          (row) =>
            html`<tr>
              ${r.columns.map((c) => html`<td>${cell((row as Record<string, unknown>)[c])}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>`;
}

export function initSavedQueriesPanel(ws: Workspace): void {
  let queries: SavedQuery[] = [];
  const select = byId<HTMLSelectElement>('query-select');
  const selected = () => queries.find((x) => x.name === select.value);
  const drawForm = () => {
    byId('query-desc').textContent = selected()?.description ?? '';
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
      render(table(runSavedQuery), out);
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
