// A ring's choke point in the ring panel: the few shared resources whose blocking cuts its
// accounts off the cash-out side, highlighted on the canvas (class "choke"), with the impact of
// blocking them.
import { html, render } from 'lit-html';
import type { Core } from 'cytoscape';
import { gql, messageOf } from '../api/graphql.js';
import { ChokePointQuery } from '../api/workflow-queries.js';
import { impactView } from './impact-panel.js';
import type { Workspace } from './workspace.js';

const styled = new WeakSet<Core>();

/** The highlight, added to whatever stylesheet the canvas has (once per canvas). */
function ensureStyle(cy: Core): void {
  if (styled.has(cy)) return;
  styled.add(cy);
  cy.style()
    .selector('node.choke')
    .style({
      'border-width': 6,
      'border-color': '#111827',
      'border-style': 'double',
      'underlay-color': '#facc15',
      'underlay-opacity': 0.7,
      'underlay-padding': 12,
      'z-index': 20,
    })
    .update();
}

export function initChokePoint(ws: Workspace, box: HTMLElement, ringId: string): void {
  const find = async () => {
    render(html`<p class="muted">Finding the choke point…</p>`, box);
    try {
      const { ring } = await gql(ChokePointQuery, { id: ringId });
      const c = ring?.chokePoint;
      if (!c) {
        render(html`<p class="error">Ring ${ringId} is no longer in the graph: open it again from the list.</p>`, box);
        return;
      }
      ensureStyle(ws.cy);
      ws.cy.nodes('.choke').removeClass('choke');
      for (const r of c.resources) ws.cy.getElementById(r.id).addClass('choke');
      render(
        c.resources.length
          ? html`<p id="choke-summary">
                Blocking <b>${c.resources.length}</b> shared resource(s) cuts <b>${c.cut}</b> of the ${c.reaching}
                accounts that reach the cash-out side (${c.members} members).
              </p>
              <ul class="choke-resources">
                ${c.resources.map(
                  (r) =>
                    html`<li>
                      <button class="link" @click=${() => ws.cy.getElementById(r.id).select()}>
                        ${r.type} ${r.label}
                      </button>
                    </li>`,
                )}
              </ul>
              ${impactView(c.impact, (id) => void ws.openRing(id))}`
          : html`<p id="choke-summary" class="muted">
              No shared resource stands between this ring's accounts and a cash-out side (no shared card or address in
              its picture).
            </p>`,
        box,
      );
    } catch (e) {
      render(html`<p class="error">${messageOf(e)}</p>`, box);
    }
  };
  render(html`<button id="btn-choke" @click=${() => void find()}>Find choke point</button>`, box);
}
