// Saved-query results as a full-width table over the lower half of the canvas: sortable columns
// (click a heading), and rows that select and reveal their entity on the canvas (putting it there
// first when it is not yet shown).
import { html, render } from 'lit-html';
import type { SavedQueryResult } from '../api/queries.js';
import { byId } from './dom.js';
import { cell, rowEntity, sortRows } from './result-rows.js';
import type { Workspace } from './workspace.js';

export class ResultsTable {
  private result: SavedQueryResult | null = null;
  private title = '';
  private sort: { column: string; dir: 1 | -1 } | null = null;
  private active: string | null = null;

  constructor(private readonly ws: Workspace) {}

  show(title: string, r: SavedQueryResult): void {
    this.result = r;
    this.title = title;
    this.sort = null;
    this.active = null;
    this.draw();
  }

  close(): void {
    this.result = null;
    this.draw();
  }

  private async reveal(id: string): Promise<void> {
    this.active = id;
    this.draw();
    const { cy } = this.ws;
    if (cy.getElementById(id).empty()) await this.ws.openEntity(id);
    const n = cy.getElementById(id);
    if (n.empty()) return;
    cy.$(':selected').unselect();
    n.select();
    cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1) } as never, { duration: 250 });
  }

  private draw(): void {
    const box = byId('results-drawer');
    const r = this.result;
    box.hidden = !r;
    if (!r) {
      render(html``, box);
      return;
    }
    const rows = (r.rows as Record<string, unknown>[]).slice(0, 1000);
    const sorted = this.sort ? sortRows(rows, this.sort.column, this.sort.dir) : rows;
    const onSort = (c: string) => {
      this.sort = { column: c, dir: this.sort?.column === c && this.sort.dir === 1 ? -1 : 1 };
      this.draw();
    };
    render(
      html`<header>
          <b>${this.title}</b>
          <span class="muted"
            >${r.rows.length} rows${r.truncated ? ' (truncated)' : ''} in ${r.elapsedMs} ms · click a heading to sort, a
            row to show it on the canvas</span
          >
          <button id="results-close" @click=${() => this.close()}>Close</button>
        </header>
        <div class="results-scroll">
          <table class="result">
            <thead>
              <tr>
                ${r.columns.map(
                  (c) =>
                    html`<th
                      aria-sort=${this.sort?.column === c ? (this.sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
                      @click=${() => onSort(c)}
                    >
                      ${c}${this.sort?.column === c ? (this.sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                    </th>`,
                )}
              </tr>
            </thead>
            <tbody>
              ${sorted.map((row) => {
                const id = rowEntity(r.columns, row);
                return html`<tr
                  class=${id ? `clickable${id === this.active ? ' active' : ''}` : ''}
                  data-entity=${id ?? ''}
                  @click=${() => id && void this.reveal(id)}
                >
                  ${r.columns.map((c) => html`<td>${cell(row[c])}</td>`)}
                </tr>`;
              })}
            </tbody>
          </table>
        </div>`,
      box,
    );
  }
}
