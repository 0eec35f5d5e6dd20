// The search box and its results: ids, prefixes, words in keys (API paths, addresses, tools),
// tags, card BIN / last 4, attack types; ranked by the server. Each hit shows its type, tags,
// risk and rings; a hit opens its ring or puts it on the canvas.
import { html, render } from 'lit-html';
import { gql, messageOf } from '../api/graphql.js';
import { SearchQuery } from '../api/queries.js';
import { byId } from './dom.js';
import { switchTab } from './tabs.js';
import type { Workspace } from './workspace.js';

export function initSearchPanel(ws: Workspace): void {
  byId<HTMLFormElement>('search-form').onsubmit = async (ev) => {
    ev.preventDefault();
    const text = byId<HTMLInputElement>('search').value.trim();
    if (!text) return;
    switchTab('results');
    const box = byId('search-results');
    render(html`<p class="muted">Searching…</p>`, box);
    try {
      const { search } = await gql(SearchQuery, { text });
      render(
        search.length
          ? search.map(
              (e) =>
                html`<button
                  class="ring-item"
                  @click=${() => void (e.type === 'Ring' ? ws.openRing(e.key) : ws.openEntity(e.id))}
                >
                  <b>${e.type}</b> ${e.label}
                  <small>· ${e.degree} links${e.risk ? ` · risk ${e.risk.toFixed(2)}` : ''}</small>
                  ${e.tags.length ? html`<br />${e.tags.map((t) => html`<span class="tag">${t}</span> `)}` : ''}
                  ${
                    e.rings.length
                      ? html`<br /><small class="hit-rings"
                            >${e.rings.map((r) => `ring ${r.id} (${r.score.toFixed(2)})`).join(', ')}</small
                          >`
                      : ''
                  }
                </button>`,
            )
          : html`<p class="muted">Nothing matches “${text}”.</p>`,
        box,
      );
    } catch (e) {
      render(html`<p class="error">${messageOf(e)}</p>`, box);
    }
  };
}
