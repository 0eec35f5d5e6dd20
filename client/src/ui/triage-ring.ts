// The investigator-workflow part of the ring panel: the ring's attack type with its evidence, its
// triage (status, assignee, note, audit trail) and its history across detection runs.
import { html, nothing, render } from 'lit-html';
import { gql, messageOf } from '../api/graphql.js';
import { RingWorkflowQuery, TriageRingMutation, type RingWorkflow } from '../api/workflow-queries.js';
import { shortTime } from './dom.js';
import { initChokePoint } from './choke-point-view.js';
import { showRingBlindSpots } from './blind-spots-ring.js';
import { STATUSES, TRIAGED_EVENT, attackBadge, statusBadge } from './triage-panel.js';
import type { Workspace } from './workspace.js';

function view(ws: Workspace, box: HTMLElement, r: RingWorkflow, error = '') {
  const t = r.triage;
  const onSave = async (ev: SubmitEvent) => {
    ev.preventDefault();
    const form = ev.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const status = value('status') as (typeof STATUSES)[number];
    const assignee = value('assignee').trim();
    try {
      await gql(TriageRingMutation, {
        id: r.id,
        status: status === t.status ? null : status,
        assignee: assignee === (t.assignee ?? '') ? null : assignee,
        note: value('note') || null,
      });
      document.dispatchEvent(new CustomEvent(TRIAGED_EVENT, { detail: r.id }));
      await showRingWorkflow(ws, box, r.id);
    } catch (e) {
      view(ws, box, r, messageOf(e));
    }
  };
  render(
    html`<h3>Attack type</h3>
      <p>${attackBadge(r.attack)}</p>
      ${
        r.attack
          ? html`<ul class="evidence">
              ${r.attack.evidence.map((e) => html`<li>${e}</li>`)}
            </ul>`
          : nothing
      }
      <h3>Triage ${statusBadge(t.status)}</h3>
      <form id="triage-form" data-needs="investigator" data-action="Triage" @submit=${onSave}>
        <label
          >Status
          <select id="triage-status" name="status">
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === t.status}>${s.toLowerCase()}</option>`)}
          </select></label
        >
        <label>Assignee <input id="triage-assignee-input" name="assignee" .value=${t.assignee ?? ''} /></label>
        <textarea id="triage-note" name="note" placeholder="note (kept in the audit trail)"></textarea>
        <button id="triage-save">Save</button>
        ${error ? html`<p class="error">${error}</p>` : nothing}
      </form>
      <ol class="timeline triage-audit">
        ${t.events.map(
          (e) =>
            html`<li>
              <time>${shortTime(e.at)}</time> ${e.by}:
              ${e.status ? html`status → <b>${e.status.toLowerCase()}</b>` : nothing}
              ${
                e.assignee !== null && e.assignee !== undefined
                  ? html`assigned to <b>${e.assignee || 'nobody'}</b>`
                  : nothing
              }
              ${e.note ? html`<q>${e.note}</q>` : nothing}
            </li>`,
        )}
      </ol>
      <h3>Choke point</h3>
      <div id="ring-choke"></div>
      <h3>Blind spots</h3>
      <div id="ring-blind-spots"></div>
      <h3>History</h3>
      <ol class="timeline ring-history">
        ${
          r.history.length
            ? r.history.map((c) => html`<li><time>${shortTime(c.at)}</time> ${c.description}</li>`)
            : html`<li class="muted">no detection run recorded yet</li>`
        }
      </ol>`,
    box,
  );
  initChokePoint(ws, box.querySelector<HTMLElement>('#ring-choke')!, r.id);
  void showRingBlindSpots(box.querySelector<HTMLElement>('#ring-blind-spots')!, r.id);
}

let latest = '';

export async function showRingWorkflow(ws: Workspace, box: HTMLElement, id: string): Promise<void> {
  // The panel's template is reused from ring to ring: drop the previous ring's part at once, and
  // ignore an answer for a ring the investigator has already left.
  latest = id;
  render(html`<p class="muted">Loading triage, attack type and history…</p>`, box);
  try {
    const { ring } = await gql(RingWorkflowQuery, { id });
    if (ring && latest === id) view(ws, box, ring);
  } catch (e) {
    render(html`<p class="error">${messageOf(e)}</p>`, box);
  }
}
