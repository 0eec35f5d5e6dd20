// The triage queue (left sidebar tab): rings with status, assignee and attack type, filtered by
// status, assignee, attack type, minimum score (0 to 1, checked like the rings list), first-detection
// date and data source. Reloads when a ring is triaged in the details panel (the 'ringscope:triaged'
// event) and after a detection run.
import { html, render } from 'lit-html';
import { gql, messageOf } from '../api/graphql.js';
import { AttackTypesQuery, TriageQuery, type TriageRow, type TriageStatus } from '../api/workflow-queries.js';
import { onDetected } from './detection.js';
import { shortTime } from './dom.js';
import { readScoreInput } from './score-input.js';
import type { Workspace } from './workspace.js';

export const STATUSES: TriageStatus[] = ['NEW', 'INVESTIGATING', 'CONFIRMED', 'DISMISSED'];
export const TRIAGED_EVENT = 'ringscope:triaged';

export function attackBadge(a: { title: string; confidence: number } | null) {
  return a
    ? html`<span class="attack" title="attack type (confidence)">${a.title} ${a.confidence.toFixed(2)}</span>`
    : html`<span class="attack muted">attack type unclear</span>`;
}

export function statusBadge(s: TriageStatus) {
  return html`<span class="triage-status ${s.toLowerCase()}">${s.toLowerCase()}</span>`;
}

export function initTriagePanel(ws: Workspace, box: HTMLElement): void {
  let types: { id: string; title: string }[] = [];
  let sources: string[] = [];
  let shown: TriageRow[] = [];
  let total = 0;
  let cursor: string | null = null;
  let hasNext = false;
  let message = '';
  /** The latest request: filters change quickly, and only its answer is shown. */
  let sent = 0;
  const filter = {
    statuses: new Set<TriageStatus>(['NEW', 'INVESTIGATING']),
    assignee: '',
    attackType: '',
    minScore: 0.5,
    since: '',
    source: '',
  };

  const item = (r: TriageRow) =>
    html`<button class="ring-item triage-item" data-ring=${r.id} @click=${() => void ws.openRing(r.id)}>
      <b>${r.id}</b> <span class="score s${Math.floor(r.score * 4)}">${r.score.toFixed(2)}</span> · ${r.size} accounts
      ${statusBadge(r.status)}<br />${attackBadge(r.attack)}
      <small
        >${r.assignee ? `assigned to ${r.assignee}` : 'unassigned'} · first seen
        ${shortTime(r.firstDetectedAt, 10)}${r.sources.length ? ` · from ${r.sources.join(', ')}` : ''}</small
      >
    </button>`;

  /** A filter choice with "any" first: the choice goes into the filter and the queue reloads. */
  const anySelect = (
    label: string,
    id: string,
    key: 'attackType' | 'source',
    options: { value: string; text: string }[],
  ) =>
    html`<label
      >${label}
      <select
        id=${id}
        @change=${(e: Event) => {
          filter[key] = (e.target as HTMLSelectElement).value;
          void load();
        }}
      >
        <option value="">any</option>
        ${options.map((o) => html`<option value=${o.value} ?selected=${filter[key] === o.value}>${o.text}</option>`)}
      </select></label
    >`;

  const draw = () =>
    render(
      html`<fieldset class="triage-filters">
          ${STATUSES.map(
            (s) =>
              html`<label class="check"
                ><input
                  type="checkbox"
                  name="status"
                  value=${s}
                  .checked=${filter.statuses.has(s)}
                  @change=${(e: Event) => {
                    if ((e.target as HTMLInputElement).checked) filter.statuses.add(s);
                    else filter.statuses.delete(s);
                    void load();
                  }}
                />${s.toLowerCase()}</label
              >`,
          )}
          <label
            >Assignee
            <input
              id="triage-assignee"
              placeholder="anyone"
              .value=${filter.assignee}
              @change=${(e: Event) => {
                filter.assignee = (e.target as HTMLInputElement).value.trim();
                void load();
              }}
          /></label>
          ${anySelect(
            'Attack',
            'triage-attack',
            'attackType',
            types.map((t) => ({ value: t.id, text: t.title })),
          )}
          <label
            >Min score
            <input
              id="triage-min"
              type="number"
              min="0"
              max="1"
              step="0.1"
              .value=${String(filter.minScore)}
              @change=${(e: Event) => {
                const min = readScoreInput('Min score', e.target as HTMLInputElement);
                if (typeof min === 'string') {
                  sent++; // an answer still on its way is for the old filter
                  shown = [];
                  hasNext = false;
                  message = min;
                  return draw();
                }
                filter.minScore = min;
                void load();
              }}
          /></label>
          ${anySelect(
            'Source',
            'triage-source',
            'source',
            sources.map((s) => ({ value: s, text: s })),
          )}
          <label
            >First seen since
            <input
              id="triage-since"
              type="date"
              .value=${filter.since}
              @change=${(e: Event) => {
                filter.since = (e.target as HTMLInputElement).value;
                void load();
              }}
          /></label>
        </fieldset>
        <p id="triage-count" class="muted">${message || `${total} ring(s)`}</p>
        <div id="triage-list" class="list">${shown.map(item)}</div>
        ${hasNext ? html`<button class="link" @click=${() => void load(true)}>more…</button>` : ''}`,
      box,
    );

  async function load(append = false) {
    const mine = ++sent; // filters change quickly: only the latest request's answer is shown
    try {
      const r = await gql(TriageQuery, {
        statuses: filter.statuses.size ? [...filter.statuses] : null,
        assignee: filter.assignee || null,
        attackType: filter.attackType || null,
        minScore: filter.minScore,
        since: filter.since ? `${filter.since}T00:00:00Z` : null,
        source: filter.source || null,
        after: append ? cursor : null,
      });
      if (mine !== sent) return;
      sources = r.dataSources;
      const triage = r.triage;
      shown = append ? [...shown, ...triage.nodes] : triage.nodes;
      total = triage.totalCount;
      cursor = triage.endCursor;
      hasNext = triage.hasNextPage;
      message = total ? '' : 'No rings match these filters.';
    } catch (e) {
      if (mine !== sent) return;
      shown = [];
      hasNext = false;
      message = messageOf(e);
    }
    draw();
  }

  document.addEventListener(TRIAGED_EVENT, () => void load());
  onDetected(() => void load());
  void gql(AttackTypesQuery, {})
    .then((r) => {
      types = r.attackTypes;
      draw();
    })
    .catch(() => undefined); // the list load below reports the same failure to the user
  void load();
}
