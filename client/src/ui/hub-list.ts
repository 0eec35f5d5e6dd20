// A hub's neighbours as a searchable list in the details panel: for an entity with more links than
// one expand shows (a carrier IP, an API every shopper calls), type part of a key to find the
// account among thousands; a row puts that neighbour (and its link to the hub) on the canvas.
import { html, render } from 'lit-html';
import { gql, messageOf } from '../api/graphql.js';
import { NeighboursQuery, type NeighbourRow } from '../api/hub-queries.js';
import type { Workspace } from './workspace.js';

export function initHubList(ws: Workspace, box: HTMLElement, hubId: string): void {
  let rows: NeighbourRow[] = [];
  let total = 0;
  let cursor: string | null = null;
  let hasNext = false;
  let text = '';
  let message = '';
  let sent = 0;

  const draw = () =>
    render(
      html`<input
          id="hub-search"
          type="search"
          placeholder="find a neighbour by key…"
          .value=${text}
          @input=${(e: Event) => {
            text = (e.target as HTMLInputElement).value;
            void load();
          }}
        />
        <p id="hub-count" class="muted">${message || `${total} neighbour(s)${text ? ` matching “${text}”` : ''}`}</p>
        <ol id="hub-neighbours" class="list">
          ${rows.map(
            (r) =>
              html`<li>
                <button
                  class="link hub-neighbour"
                  data-id=${r.node.id}
                  title="put it on the canvas"
                  @click=${() => void ws.openEntity(r.node.id)}
                >
                  ${r.node.type} ${r.node.label}
                </button>
                <small class="muted">${r.relationship.toLowerCase().replaceAll('_', ' ')} ×${r.count}</small>
                ${r.node.tags.map((t) => html` <span class="tag">${t}</span>`)}
              </li>`,
          )}
        </ol>
        ${hasNext ? html`<button id="hub-more" class="link" @click=${() => void load(true)}>more…</button>` : ''}`,
      box,
    );

  async function load(append = false) {
    const mine = ++sent; // typing sends a request per key: only the latest answer is shown
    try {
      const { neighbours } = await gql(NeighboursQuery, {
        id: hubId,
        text: text.trim() || null,
        after: append ? cursor : null,
      });
      if (mine !== sent) return;
      rows = append ? [...rows, ...neighbours.nodes] : neighbours.nodes;
      total = neighbours.totalCount;
      cursor = neighbours.endCursor;
      hasNext = neighbours.hasNextPage;
      message = '';
    } catch (e) {
      if (mine !== sent) return;
      rows = [];
      hasNext = false;
      message = messageOf(e);
    }
    draw();
  }

  draw();
  void load();
}
