// The right-hand panel: a ring's score, reasons and timeline, or an entity's properties, tags,
// rings, activity on the canvas, flags (with the flag form) and its attack path; for an account
// also its risk with every reason detection gave (code, weight, detail).
import { html, nothing, render } from 'lit-html';
import { gql, messageOf } from '../api/graphql.js';
import {
  AccountRiskQuery,
  EntityQuery,
  FlagMutation,
  TraceQuery,
  type AccountRisk,
  type EntityDetail,
  type RingDetail,
} from '../api/queries.js';
import { displayLabel, flaggedTags } from '../graph/elements.js';
import { RISK_BADGE, riskTier } from '../graph/style.js';
import { PAGE } from '../graph/hub-paging.js';
import { byId, shortTime } from './dom.js';
import { signedWeight } from './weight-text.js';
import { initHubList } from './hub-list.js';
import { setStatus } from './status.js';
import { showRingWorkflow } from './triage-ring.js';
import type { Workspace } from './workspace.js';

const EMPTY = html`<p class="muted">Select a node to see its properties, tags, rings and timeline.</p>`;

/** Wires the panel to the workspace: a ring opened shows its reasons; an empty canvas clears it. */
export function initDetailsPanel(ws: Workspace): void {
  clearDetails();
  ws.onRingOpened((ring) => showRing(ws, ring));
  ws.onChange(() => {
    if (ws.cy.nodes().empty()) clearDetails();
  });
}

export function clearDetails(): void {
  shown = null; // an entity still loading must not fill the panel again
  render(EMPTY, byId('details'));
}

export function showRing(ws: Workspace, r: RingDetail): void {
  render(
    html`<h2>Ring ${r.id}</h2>
      <p><b>Score ${r.score.toFixed(2)}</b> · ${r.size} accounts</p>
      <h3>Why</h3>
      <ul class="reasons">
        ${r.reasons.map((x) => html`<li><b>${x.code}</b> ${signedWeight(x.weight)}<br />${x.detail}</li>`)}
      </ul>
      <div id="ring-workflow"></div>
      <h3>Timeline</h3>
      <ol class="timeline">
        ${r.timeline.slice(0, 40).map((t) => html`<li><time>${shortTime(t.time)}</time> ${t.detail}</li>`)}
      </ol>`,
    byId('details'),
  );
  void showRingWorkflow(ws, byId('ring-workflow'), r.id);
}

/** The entity's links on the canvas, oldest first: what it did that the picture shows. */
function activity(ws: Workspace, id: string) {
  const edges = ws.cy
    .getElementById(id)
    .connectedEdges('[type != "MORE"]') // not the "+N more" helper link
    .map((x) => ({
      t: String(x.data('firstSeen') ?? ''),
      d: `${x.data('type')} ${x.source().id() === id ? x.target().data('label') : x.source().data('label')} (${x.data('count') ?? 1}×)`,
    }));
  return edges.sort((a, b) => a.t.localeCompare(b.t));
}

/** Shows a new flag on the canvas at once (mark and label), and in what the exports write. */
function markFlagged(ws: Workspace, id: string, tags: string[], tag: string): void {
  const n = ws.cy.getElementById(id);
  if (n.empty()) return;
  const flagged = [...new Set([...flaggedTags({ flagged: n.data('flagged') }), tag])];
  n.data({ tags, flagged, display: displayLabel(String(n.data('label')), flagged) });
  n.addClass('flagged');
}

/** An account's risk and every reason for it, strongest first; says so when detection has not scored it. */
function riskView(risk: AccountRisk) {
  const badge = RISK_BADGE[riskTier(risk.risk)];
  return html`<h3>
      Risk
      <span class="risk-badge" style="background:${badge.background};color:${badge.color}" title=${badge.title}
        >${risk.risk.toFixed(2)}</span
      >
    </h3>
    ${
      risk.riskReasons.length
        ? html`<ul class="reasons risk-reasons">
            ${risk.riskReasons.map((x) => html`<li><b>${x.code}</b> ${signedWeight(x.weight)}<br />${x.detail}</li>`)}
          </ul>`
        : html`<p class="muted">${risk.risk > 0 ? 'No reasons recorded.' : 'Not scored: run detection.'}</p>`
    }`;
}

function view(ws: Workspace, e: EntityDetail, risk: AccountRisk | null, trace: TemplateResultLike = nothing) {
  const acts = activity(ws, e.id);
  const onFlag = async (ev: SubmitEvent) => {
    ev.preventDefault();
    const form = ev.currentTarget as HTMLFormElement;
    const tag = (form.elements.namedItem('tag') as HTMLInputElement).value;
    const note = (form.elements.namedItem('note') as HTMLTextAreaElement).value;
    try {
      const { flagEntity } = await gql(FlagMutation, { id: e.id, tag, note: note || null });
      markFlagged(ws, e.id, flagEntity.tags, tag);
      setStatus(`Flagged ${e.id} as ${tag}`);
      await showEntity(ws, e.id);
    } catch (err) {
      ws.fail(err);
    }
  };
  return html`<h2>${e.type} ${e.label}</h2>
    <p>${e.risk !== null && !risk ? html`<b>risk ${e.risk.toFixed(2)}</b> · ` : nothing}${e.degree} links</p>
    <p>
      ${e.tags.length ? e.tags.map((t) => html`<span class="tag">${t}</span> `) : html`<span class="muted">no tags</span>`}
    </p>
    ${risk ? riskView(risk) : nothing}
    ${e.rings.map(
      (r) =>
        html`<p>
          <button class="link" @click=${() => void ws.openRing(r.id)}>Ring ${r.id}</button> score ${r.score.toFixed(2)},
          ${r.size} accounts
        </p>`,
    )}
    <table class="props">
      ${Object.entries((e.props ?? {}) as Record<string, unknown>)
        .filter(([k]) => !(risk && RISK_PROPS.includes(k)))
        .map(
          ([k, v]) =>
            html`<tr>
              <th>${k}</th>
              <td>${typeof v === 'object' ? JSON.stringify(v) : String(v)}</td>
            </tr>`,
        )}
    </table>
    ${
      e.degree > PAGE
        ? html`<h3>Neighbours (${e.degree} links)</h3>
            <div id="hub-list"></div>`
        : nothing
    }
    <h3>Activity</h3>
    <ol class="timeline">
      ${
        acts.length
          ? acts.slice(0, 30).map((x) => html`<li><time>${x.t.slice(0, 10)}</time> ${x.d}</li>`)
          : html`<li class="muted">expand to see activity</li>`
      }
    </ol>
    <h3>Flag</h3>
    <form id="flag-form" data-needs="investigator" data-action="Flagging" @submit=${onFlag}>
      <input id="flag-tag" name="tag" placeholder="tag, e.g. confirmed-fraud" required />
      <textarea id="flag-note" name="note" placeholder="note"></textarea><button>Flag</button>
    </form>
    <ul class="flags">
      ${e.flags.map((f) => html`<li><b>${f.tag}</b> by ${f.by} ${shortTime(f.at)}${f.note ? `: ${f.note}` : ''}</li>`)}
    </ul>
    ${
      e.type === 'Account'
        ? html`<button id="btn-trace" @click=${() => void traceAccount(ws, e, risk)}>Trace this account</button>`
        : nothing
    }
    ${trace}`;
}
/** Account properties the risk section shows in words: not repeated as raw values. */
const RISK_PROPS = ['risk', 'riskReasons'];
type TemplateResultLike = ReturnType<typeof html> | typeof nothing;

let shown: string | null = null;

export async function showEntity(ws: Workspace, id: string): Promise<void> {
  const box = byId('details');
  shown = id;
  try {
    // An account's risk and reasons come with it, in parallel (the account query takes accounts only).
    const [{ entity }, risk] = await Promise.all([
      gql(EntityQuery, { id }),
      id.startsWith('Account:') ? gql(AccountRiskQuery, { id }).then((r) => r.account) : null,
    ]);
    if (shown !== id) return; // another selection came in while this one loaded
    if (!entity) {
      render(html`<p class="error">${id} no longer exists.</p>`, box);
      return;
    }
    render(view(ws, entity, risk), box);
    if (entity.degree > PAGE) initHubList(ws, byId('hub-list'), entity.id);
  } catch (err) {
    render(html`<p class="error">${messageOf(err)}</p>`, box);
  }
}

async function traceAccount(ws: Workspace, e: EntityDetail, risk: AccountRisk | null): Promise<void> {
  try {
    const { trace } = await gql(TraceQuery, { id: e.id });
    if (!trace) return;
    ws.addGraph(trace.graph, 'chain');
    const path = html`<h3>Attack path</h3>
      <ol class="timeline">
        ${trace.events.map((x) => html`<li><time>${shortTime(x.time)}</time> ${x.detail}</li>`)}
      </ol>`;
    render(view(ws, e, risk, path), byId('details'));
    if (e.degree > PAGE) initHubList(ws, byId('hub-list'), e.id);
  } catch (err) {
    ws.fail(err);
  }
}
