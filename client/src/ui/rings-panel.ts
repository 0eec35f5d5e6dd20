// The ring list: sortable by score, size or recency, filtered by a minimum score (checked like the
// API checks it: a number from 0 to 1, said plainly otherwise), paged; reloads after a detection run.
import { html, render } from 'lit-html';
import { gql, messageOf } from '../api/graphql.js';
import { RingsQuery, type RingSummary } from '../api/queries.js';
import { onDetected } from './detection.js';
import { byId } from './dom.js';
import { readScoreInput } from './score-input.js';
import type { Workspace } from './workspace.js';

export function initRingsPanel(ws: Workspace): void {
  let cursor: string | null = null;
  let shown: RingSummary[] = [];
  let message: ReturnType<typeof html> | null = null;
  /** The latest load: an older answer that arrives later is dropped. */
  let seq = 0;
  /** A load is in flight: "more" waits for it (its cursor would belong to the list being replaced). */
  let busy = false;

  const draw = (hasNext: boolean) => {
    render(
      html`${message ?? ''}
      ${shown.map(
        (r) =>
          html`<button class="ring-item" data-ring=${r.id} @click=${() => void ws.openRing(r.id)}>
            <b>${r.id}</b> <span class="score s${Math.floor(r.score * 4)}">${r.score.toFixed(2)}</span> · ${r.size}
            accounts<br /><small>${r.reasons[0]?.detail ?? ''}</small>
          </button>`,
      )}`,
      byId('ring-list'),
    );
    byId('ring-more').hidden = !hasNext;
  };

  async function load(append = false) {
    const min = readScoreInput('Min score', byId<HTMLInputElement>('ring-min'));
    if (append && busy) return;
    const mine = ++seq;
    if (typeof min === 'string') {
      shown = [];
      message = html`<p class="error" id="ring-min-error">${min}</p>`;
      return draw(false);
    }
    busy = true;
    try {
      const { rings } = await gql(RingsQuery, {
        sort: byId<HTMLSelectElement>('ring-sort').value as 'SCORE' | 'SIZE' | 'RECENT',
        min,
        after: append ? cursor : null,
      });
      if (mine !== seq) return;
      const have = new Set(shown.map((r) => r.id));
      shown = append ? [...shown, ...rings.nodes.filter((r) => !have.has(r.id))] : rings.nodes;
      message = rings.totalCount
        ? null
        : html`<p class="muted">No rings at this score. Run detection or lower the minimum score.</p>`;
      cursor = rings.endCursor;
      draw(rings.hasNextPage);
    } catch (e) {
      if (mine !== seq) return;
      shown = [];
      message = html`<p class="error">${messageOf(e)}</p>`;
      draw(false);
    } finally {
      if (mine === seq) busy = false;
    }
  }
  byId('ring-sort').onchange = () => void load();
  byId('ring-min').onchange = () => void load();
  byId('ring-more').onclick = () => void load(true);
  onDetected(() => void load());
  void load();
}
