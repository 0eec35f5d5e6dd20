// The "Riskiest accounts" list (left sidebar tab): accounts ranked by the risk detection gave them,
// riskiest first, each with its risk (coloured by the canvas's tiers), its strongest reason codes
// and its ring; paged with the API's cursor, filtered by an optional minimum risk. A row puts the
// account on the canvas (as a search hit does); its ring cell opens the ring. Before detection has
// run it says so and offers to run it; it reloads after every detection run.
import { html, nothing, render } from 'lit-html';
import { gql, messageOf } from '../api/graphql.js';
import { RISKIEST_PAGE, RiskiestAccountsQuery, type RiskyAccount } from '../api/queries.js';
import { RISK_BADGE, riskTier } from '../graph/style.js';
import { onDetected, runDetection } from './detection.js';
import { byId } from './dom.js';
import { signedWeight } from './weight-text.js';
import { readScoreInput } from './score-input.js';
import type { Workspace } from './workspace.js';

export function initRiskiestPanel(ws: Workspace): void {
  const minInput = byId<HTMLInputElement>('risk-min');
  let rows: RiskyAccount[] = [];
  let total = 0;
  let cursor: string | null = null;
  let hasNext = false;
  let message: ReturnType<typeof html> | null = null;
  /** Nothing is scored yet (detection has not run). */
  let unscored = false;
  let detecting = false;
  /** The account last opened from this list, marked while it is on the canvas. */
  let opened: string | null = null;
  /** The latest load: an older answer that arrives later is dropped. */
  let seq = 0;
  let busy = false;

  const open = (a: RiskyAccount) => {
    opened = a.id;
    void ws.openEntity(a.id).then(draw);
  };

  const row = (a: RiskyAccount) => {
    const badge = RISK_BADGE[riskTier(a.risk)];
    const onCanvas = ws.cy.getElementById(a.id).nonempty();
    return html`<div
      class="risk-row${a.id === opened && onCanvas ? ' active' : ''}${onCanvas ? ' on-canvas' : ''}"
      data-account=${a.id}
    >
      <button class="risk-account" title="Put ${a.key} on the canvas with its links" @click=${() => open(a)}>
        <span class="risk-key">${a.key}</span>
        <span class="risk-badge" style="background:${badge.background};color:${badge.color}" title=${badge.title}
          >${a.risk.toFixed(2)}</span
        >
        <small
          class="risk-codes"
          title=${a.riskReasons.map((r) => `${r.code} ${signedWeight(r.weight)}: ${r.detail}`).join('\n')}
          >${
            a.riskReasons.length
              ? a.riskReasons
                  .slice(0, 2)
                  .map((r) => r.code)
                  .join(' · ')
              : 'no reasons'
          }</small
        >
      </button>
      ${
        a.ring
          ? html`<button class="link risk-ring" title="Open ring ${a.ring}" @click=${() => void ws.openRing(a.ring!)}>
              ${a.ring}
            </button>`
          : html`<span class="risk-ring muted">no ring</span>`
      }
    </div>`;
  };

  function draw(): void {
    render(
      html`${message ?? nothing} ${unscored ? emptyState() : nothing}
      ${
        rows.length
          ? html`<p class="muted risk-count">${rows.length} of ${total} accounts, riskiest first</p>
              ${rows.map(row)}`
          : nothing
      }`,
      byId('risk-list'),
    );
    byId('risk-more').hidden = !hasNext;
  }

  /** Before detection has run: says so and offers to run it (the API refuses below admin). */
  const emptyState = () =>
    html`<div class="empty-state">
      <p class="muted">No risk scores yet — run detection.</p>
      <button
        id="risk-run-detection"
        data-needs="admin"
        data-action="Running detection"
        ?disabled=${detecting}
        @click=${async () => {
          detecting = true;
          message = null;
          draw();
          try {
            await runDetection(); // its event reloads this list
          } catch (e) {
            message = html`<p class="error">${messageOf(e)}</p>`;
          } finally {
            detecting = false;
            draw();
          }
        }}
      >
        ${detecting ? 'Running detection…' : 'Run detection'}
      </button>
    </div>`;

  async function load(append = false): Promise<void> {
    const min = readScoreInput('Min risk', minInput);
    if (typeof min === 'string') {
      rows = [];
      hasNext = false;
      unscored = false;
      message = html`<p class="error" id="risk-min-error">${min}</p>`;
      return draw();
    }
    if (append && busy) return; // "more" waits for the load in flight
    const mine = ++seq;
    busy = true;
    try {
      const { accounts } = await gql(RiskiestAccountsQuery, {
        minRisk: min,
        first: RISKIEST_PAGE,
        after: append ? cursor : null,
      });
      if (mine !== seq) return;
      // A page after a re-ranking may repeat an account: each is listed once.
      const seen = new Set(append ? rows.map((r) => r.id) : []);
      rows = [...(append ? rows : []), ...accounts.nodes.filter((a) => !seen.has(a.id))];
      total = accounts.totalCount;
      cursor = accounts.endCursor;
      hasNext = accounts.hasNextPage;
      message = null;
      // Nothing listed: at this minimum only, or nothing scored at all?
      const scored =
        total || !min
          ? total
          : (await gql(RiskiestAccountsQuery, { minRisk: 0, first: 1, after: null })).accounts.totalCount;
      if (mine !== seq) return;
      unscored = scored === 0;
      if (!total && scored)
        message = html`<p class="muted">No account has risk ≥ ${min} (${scored} scored). Lower the minimum risk.</p>`;
    } catch (e) {
      if (mine !== seq) return;
      rows = [];
      hasNext = false;
      unscored = false;
      message = html`<p class="error">${messageOf(e)}</p>`;
    } finally {
      if (mine === seq) busy = false;
    }
    draw();
  }

  minInput.onchange = () => void load();
  byId('risk-more').onclick = () => void load(true);
  onDetected(() => void load());
  // Rows on the canvas are marked; Clear and undo take the marks away.
  ws.onChange(draw);
  void load();
}
