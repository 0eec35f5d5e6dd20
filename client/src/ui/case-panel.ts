// Cases (left sidebar tab): open a case from the ring in view, an account or a selection; its
// entities, flags, notes, saved views with links that reopen them, the action timeline, and the
// case report. A `#case=…&view=…` link opens the case and puts the view back on the canvas.
import { html, nothing, render } from 'lit-html';
import { gql, messageOf } from '../api/graphql.js';
import {
  AddToCaseMutation,
  CaseQuery,
  CasesQuery,
  OpenCaseMutation,
  SaveCaseViewMutation,
  type CaseDetail,
} from '../api/workflow-queries.js';
import { downloadCaseReport } from './case-report.js';
import { applyView, captureView, linkFromHash, viewLink, type SavedView } from './case-view.js';
import { shortTime } from './dom.js';
import { switchTab } from './tabs.js';
import type { Workspace } from './workspace.js';

/** What a new case starts with: the selection, else the ring in view with its members, else the accounts shown. */
function startingEntities(ws: Workspace): string[] {
  const selected = ws.cy.$('node:selected').map((n) => n.id());
  if (selected.length) return selected;
  const ring = ws.currentRing;
  if (ring) return [`Ring:${ring.id}`, ...ws.cy.nodes('[type = "Account"]').map((n) => n.id())];
  return ws.cy.nodes('[type = "Account"]').map((n) => n.id());
}

export function initCasePanel(ws: Workspace, box: HTMLElement): void {
  let list: { id: string; title: string; updatedAt: string; entityCount: number; viewCount: number }[] = [];
  let current: CaseDetail | null = null;
  let error = '';

  const refresh = async () => {
    try {
      list = (await gql(CasesQuery, {})).cases;
      if (current) current = (await gql(CaseQuery, { id: current.id })).case ?? null;
      error = '';
    } catch (e) {
      error = messageOf(e);
    }
    draw();
  };
  const act = async (work: () => Promise<void>) => {
    try {
      await work();
      error = '';
    } catch (e) {
      error = messageOf(e);
    }
    await refresh();
  };
  const field = (id: string) => box.querySelector<HTMLInputElement>(`#${id}`)!;

  const openNew = () =>
    act(async () => {
      const entities = startingEntities(ws);
      const title = field('case-title').value.trim() || (ws.currentRing ? `Ring ${ws.currentRing.id}` : 'New case');
      current = (await gql(OpenCaseMutation, { title, entities })).openCase;
      if (ws.cy.elements().length)
        await gql(SaveCaseViewMutation, { id: current.id, name: 'opening view', view: captureView(ws) });
    });
  const saveView = (c: CaseDetail) =>
    act(async () => {
      const name = field('case-view-name').value.trim() || `view ${c.views.length + 1}`;
      const { saveCaseView } = await gql(SaveCaseViewMutation, { id: c.id, name, view: captureView(ws) });
      history.replaceState(null, '', viewLink(c.id, saveCaseView.id));
    });
  const addSelection = (c: CaseDetail) =>
    act(async () => {
      await gql(AddToCaseMutation, { id: c.id, entities: ws.cy.$('node:selected').map((n) => n.id()) });
    });
  const addNote = (c: CaseDetail) =>
    act(async () => {
      await gql(AddToCaseMutation, { id: c.id, note: field('case-note').value });
    });
  const openView = (c: CaseDetail, viewId: string) => {
    const v = c.views.find((x) => x.id === viewId);
    if (!v) {
      error = `View ${viewId} is not in case ${c.id}.`;
      return draw();
    }
    applyView(ws, v.view as SavedView);
    history.replaceState(null, '', viewLink(c.id, v.id));
  };

  const detail = (c: CaseDetail) =>
    html`<h3 id="case-heading">${c.id}: ${c.title}</h3>
      <p class="muted">opened by ${c.createdBy} ${shortTime(c.createdAt)}</p>
      <button id="case-report-html" @click=${() => void downloadCaseReport(ws, c, 'html')}>Report (HTML)</button>
      <button id="case-report-md" @click=${() => void downloadCaseReport(ws, c, 'md')}>Report (Markdown)</button>
      <h4>Views</h4>
      <input id="case-view-name" placeholder="view name" /><button
        id="case-save-view"
        data-needs="investigator"
        data-action="Saving a view"
        @click=${() => void saveView(c)}
      >
        Save current view
      </button>
      <ul class="case-views">
        ${c.views.map(
          (v) =>
            html`<li data-view=${v.id}>
              <button class="link" @click=${() => openView(c, v.id)}>${v.name}</button>
              <small>${shortTime(v.at)} · ${(v.view as SavedView).elements.length} elements ·</small>
              <a class="case-link" href=${viewLink(c.id, v.id)}>link</a>
            </li>`,
        )}
      </ul>
      <h4>Entities (${c.entities.length})</h4>
      <button
        id="case-add-selection"
        data-needs="investigator"
        data-action="Adding to a case"
        @click=${() => void addSelection(c)}
      >
        Add selection
      </button>
      <ul class="case-entities">
        ${c.entities
          .slice(0, 100)
          .map((e) => html`<li><button class="link" @click=${() => void ws.openEntity(e)}>${e}</button></li>`)}
      </ul>
      <h4>Flags</h4>
      <ul class="flags">
        ${c.flags.map((f) => html`<li>${f.entityId}: <b>${f.tag}</b> by ${f.by}${f.note ? ` — ${f.note}` : ''}</li>`)}
      </ul>
      <h4>Notes</h4>
      <textarea id="case-note" placeholder="note"></textarea
      ><button data-needs="investigator" data-action="Adding a note" @click=${() => void addNote(c)}>Add note</button>
      <ul class="case-notes">
        ${c.notes.map((n) => html`<li><time>${shortTime(n.at)}</time> ${n.by}: ${n.text}</li>`)}
      </ul>
      <h4>Timeline</h4>
      <ol class="timeline case-timeline">
        ${c.timeline.map((e) => html`<li><time>${shortTime(e.at)}</time> ${e.by}: ${e.action} — ${e.detail}</li>`)}
      </ol>`;

  const draw = () =>
    render(
      html`${error ? html`<p class="error">${error}</p>` : nothing}
        <input id="case-title" placeholder="case title" /><button
          id="case-open"
          data-needs="investigator"
          data-action="Opening a case"
          @click=${() => void openNew()}
        >
          Open case from canvas
        </button>
        <p class="muted">Uses the selected nodes, else the ring in view, else the accounts on the canvas.</p>
        <div class="list case-list">
          ${list.map(
            (c) =>
              html`<button
                class="ring-item case-item"
                data-case=${c.id}
                @click=${() => void gql(CaseQuery, { id: c.id }).then((r) => ((current = r.case ?? null), draw()))}
              >
                <b>${c.title}</b><br /><small>${c.id} · ${c.entityCount} entities · ${c.viewCount} views</small>
              </button>`,
          )}
        </div>
        ${current ? detail(current) : nothing}`,
      box,
    );

  const fromLink = async () => {
    const link = linkFromHash();
    if (!link) return;
    try {
      current = (await gql(CaseQuery, { id: link.caseId })).case ?? null;
      if (!current) throw new Error(`Case ${link.caseId} from the link does not exist.`);
      switchTab('cases');
      draw();
      if (link.viewId) openView(current, link.viewId);
    } catch (e) {
      error = messageOf(e);
      draw();
    }
  };
  window.addEventListener('hashchange', () => void fromLink());
  void refresh().then(fromLink);
}
