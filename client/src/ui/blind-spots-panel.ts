// Defence blind spots (left sidebar tab "APIs"): abused APIs without a protective control, ranked
// by abuse volume and money at stake, and every API of the asset table with its controls, which
// analysts edit here (each edit goes into the API's audit trail).
import { html, nothing, render } from 'lit-html';
import { gql, messageOf } from '../api/graphql.js';
import { ApiAssetsQuery, UpdateApiMutation, type ApiAssetRow, type BlindSpotRow } from '../api/workflow-queries.js';
import { shortTime } from './dom.js';

const money = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 0 });

export function blindSpotList(spots: BlindSpotRow[], id = '') {
  return spots.length
    ? html`<table class="props blind-spots" id=${id || nothing}>
        <tr>
          <th>API</th>
          <th>abusers</th>
          <th>calls</th>
          <th>money</th>
        </tr>
        ${spots.map(
          (s) =>
            html`<tr data-api=${s.api}>
              <td>
                <b>${s.api}</b><br /><small
                  >${s.domain ?? '?'} · ${s.sensitivity ?? '?'} · ${s.controls.join(', ') || 'no controls'}</small
                >
              </td>
              <td>${s.abusers}</td>
              <td>${s.calls}</td>
              <td>${money(s.money)}</td>
            </tr>`,
        )}
      </table>`
    : html`<p class="muted" id=${id || nothing}>No abused API lacks a protective control.</p>`;
}

export function initBlindSpotsPanel(box: HTMLElement): void {
  let error = '';
  const load = async () => {
    try {
      const r = await gql(ApiAssetsQuery, {});
      draw(r.apiAssets, r.blindSpots, r.protectiveControls);
    } catch (e) {
      error = messageOf(e);
      draw([], [], []);
    }
  };
  const save = async (api: ApiAssetRow, form: HTMLFormElement) => {
    const value = (n: string) => (form.elements.namedItem(n) as HTMLInputElement).value;
    try {
      await gql(UpdateApiMutation, {
        id: api.id,
        controls: value('controls')
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
        note: value('note') || null,
      });
      error = '';
    } catch (e) {
      error = messageOf(e);
    }
    await load();
  };
  const draw = (apis: ApiAssetRow[], spots: BlindSpotRow[], protective: string[]) =>
    render(
      html`${error ? html`<p class="error">${error}</p>` : nothing}
        <h3>Blind spots</h3>
        <p class="muted">Abused APIs with none of: ${protective.join(', ')}.</p>
        ${blindSpotList(spots, 'blind-spots')}
        <h3>All APIs</h3>
        <div id="api-assets">
          ${apis.map(
            (a) =>
              html`<details class="api-asset" data-api=${a.key}>
                <summary>
                  <b>${a.key}</b>
                  ${a.protected ? html`<span class="tag">protected</span>` : html`<span class="tag risky">unprotected</span>`}
                  <br /><small
                    >${a.domain ?? '?'} · ${a.sensitivity ?? '?'} · ${a.flaggedCallers} flagged of ${a.callers}
                    callers</small
                  >
                </summary>
                <form
                  data-needs="analyst"
                  data-action="Editing an API's controls"
                  @submit=${(e: SubmitEvent) => {
                    e.preventDefault();
                    void save(a, e.currentTarget as HTMLFormElement);
                  }}
                >
                  <label>Controls <input name="controls" .value=${a.controls.join(', ')} /></label>
                  <input name="note" placeholder="why (audit note)" />
                  <button>Save</button>
                </form>
                <ol class="timeline api-audit">
                  ${a.audit.map(
                    (f) =>
                      html`<li><time>${shortTime(f.at)}</time> ${f.by}: ${f.tag}${f.note ? ` — ${f.note}` : ''}</li>`,
                  )}
                </ol>
              </details>`,
          )}
        </div>`,
      box,
    );
  void load();
}
