// The page's fixed frame: top bar with search, left sidebar (rings, riskiest accounts, triage,
// block, APIs, cases, saved queries, search results), canvas with toolbar, status line, time bar
// and legend, right details panel.
import { html, render } from 'lit-html';
import { TYPE_STYLE } from '../graph/style.js';
import { EMPTY_HINT } from './status.js';
import { FLAG_THRESHOLD } from '../../../server/src/model/thresholds.js';

const expandTypes = Object.keys(TYPE_STYLE).filter((t) => t !== 'Ring');

const shell = html`<header class="topbar">
    <h1>ringscope</h1>
    <form id="search-form" class="search">
      <input
        id="search"
        placeholder="Search account, IP, email, phone, device, card, ring…"
        autocomplete="off"
      /><button>Search</button>
    </form>
    <span id="health" class="health pending">checking database…</span>
    <!-- rel=opener: the new tab starts with this tab's session storage, so a signed-in token carries over. -->
    <a id="ide-link" class="ide-link" href="/graphiql" target="_blank" rel="opener" title="GraphQL IDE, works offline"
      >GraphQL IDE</a
    >
  </header>
  <aside class="left">
    <nav class="tabs">
      <button data-tab="rings" class="active">Rings</button
      ><button data-tab="accounts" title="Riskiest accounts">Accounts</button><button data-tab="triage">Triage</button
      ><button data-tab="block">Block</button><button data-tab="apis">APIs</button
      ><button data-tab="cases">Cases</button><button data-tab="queries">Saved queries</button
      ><button data-tab="results">Search</button>
    </nav>
    <section id="tab-rings" class="tab">
      <label
        >Sort
        <select id="ring-sort">
          <option value="SCORE">score</option>
          <option value="SIZE">size</option>
          <option value="RECENT">recency</option>
        </select></label
      >
      <label>Min score <input id="ring-min" type="number" min="0" max="1" step="0.1" value=${FLAG_THRESHOLD} /></label>
      <div id="ring-list" class="list"></div>
      <button id="ring-more" class="link" hidden>more…</button>
    </section>
    <section id="tab-accounts" class="tab" hidden>
      <h2 class="tab-title">Riskiest accounts</h2>
      <label
        >Min risk
        <input id="risk-min" type="number" min="0" max="1" step="0.05" placeholder="0–1, optional" />
      </label>
      <div id="risk-list" class="list"></div>
      <button id="risk-more" class="link" hidden>more…</button>
    </section>
    <section id="tab-triage" class="tab" hidden></section>
    <section id="tab-block" class="tab" hidden></section>
    <section id="tab-apis" class="tab" hidden></section>
    <section id="tab-cases" class="tab" hidden></section>
    <section id="tab-queries" class="tab" hidden>
      <select id="query-select"></select>
      <p id="query-desc" class="muted"></p>
      <form id="query-form" data-needs="analyst" data-action="Running a saved query"></form>
      <div id="query-result" class="table-wrap"></div>
    </section>
    <section id="tab-results" class="tab" hidden><div id="search-results" class="list"></div></section>
  </aside>
  <main class="center">
    <div class="toolbar">
      <button id="layout-force" title="Force-directed layout (keeps pinned nodes)">Force</button>
      <button id="layout-chain" title="Tiers: tools → phones/IPs/devices → accounts → APIs, cards, addresses">
        Chain</button
      ><button id="layout-concentric" title="Concentric: riskiest in the middle">Rings</button
      ><button id="layout-grid" title="Grid">Grid</button> <button id="btn-fit" title="Fit the picture (F)">Fit</button
      ><button id="btn-zoom-in" title="Zoom in (+)">+</button><button id="btn-zoom-out" title="Zoom out (−)">−</button>
      <span class="sep"></span>
      <label
        >Expand
        <select id="expand-types">
          <option value="">all types</option>
          ${expandTypes.map((t) => html`<option>${t}</option>`)}
        </select></label
      >
      <button id="btn-expand" title="Expand the selection (double-click a node)">Expand</button
      ><button id="btn-collapse">Collapse</button><button id="btn-hide" title="Hide the selection (Delete)">Hide</button
      ><button id="btn-pin">Pin</button><button id="btn-undo" title="Undo (Ctrl+Z)">Undo</button
      ><button id="btn-redo" title="Redo (Ctrl+Shift+Z)">Redo</button>
      <span class="break"></span>
      <button id="btn-path" disabled title="Select two nodes (Shift-click the second)">Path</button>
      <span class="sep"></span>
      <button id="export-png">PNG</button><button id="export-json">JSON</button><button id="export-csv">CSV</button
      ><button id="btn-report">Report</button><button id="btn-clear">Clear</button
      ><button id="btn-help" title="Keyboard shortcuts and gestures (?)">?</button>
    </div>
    <div id="cy" class="cy"></div>
    <div id="tier-headings" class="cy-layer"></div>
    <div id="help" class="help" hidden></div>
    <section id="results-drawer" class="results-drawer" hidden></section>
    <div id="overlay" class="overlay">${EMPTY_HINT}</div>
    <div id="status" class="status"></div>
    <div class="timebar">
      <span>Time</span>
      <div class="t-track">
        <div
          id="t-hist"
          class="t-hist"
          title="Activity of the links on the canvas: drag across to choose a window, click to reset"
        ></div>
        <div class="t-sliders">
          <input id="t-from" type="range" min="0" max="1000" value="0" aria-label="window start" /><input
            id="t-to"
            type="range"
            min="0"
            max="1000"
            value="1000"
            aria-label="window end"
          />
        </div>
      </div>
      <button id="t-play" title="Slide the window through time">▶ Play</button>
      <span id="t-label" class="muted">all time</span>
    </div>
    <div id="legend" class="legend"></div>
  </main>
  <aside class="right" id="details"></aside>`;

export function renderShell(root: HTMLElement): void {
  render(shell, root);
}
