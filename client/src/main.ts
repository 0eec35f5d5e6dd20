// ringscope web app: search, ring list, canvas (expand, collapse, hide, pin, undo), layouts
// (force and chain), time window, details with flagging, path finder, saved queries, exports.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { ApiError, gql, GRAPH_FIELDS, type GGraph, type GNode } from './api/graphql.js';
import { chainPositions, toElements } from './graph/elements.js';
import { stylesheet, TYPE_STYLE } from './graph/style.js';
import './style.css';

cytoscape.use(fcose);

interface RingSummary {
  id: string;
  score: number;
  size: number;
  reasons: { code: string; weight: number; detail: string }[];
  latestRegistration: string | null;
}
interface SavedQuery {
  name: string;
  description: string;
  mode: string;
  params: { name: string; type: string; required: boolean; default: string | null; description: string }[];
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

document.getElementById('app')!.innerHTML = `
<header class="topbar">
  <h1>ringscope</h1>
  <form id="search-form" class="search"><input id="search" placeholder="Search account, IP, email, phone, device, card, ring…" autocomplete="off" /><button>Search</button></form>
  <span id="health" class="health pending">checking database…</span>
</header>
<aside class="left">
  <nav class="tabs"><button data-tab="rings" class="active">Rings</button><button data-tab="queries">Saved queries</button><button data-tab="results">Search</button></nav>
  <section id="tab-rings" class="tab">
    <label>Sort <select id="ring-sort"><option value="SCORE">score</option><option value="SIZE">size</option><option value="RECENT">recency</option></select></label>
    <label>Min score <input id="ring-min" type="number" min="0" max="1" step="0.1" value="0.5" /></label>
    <div id="ring-list" class="list"></div>
    <button id="ring-more" class="link" hidden>more…</button>
  </section>
  <section id="tab-queries" class="tab" hidden>
    <select id="query-select"></select>
    <p id="query-desc" class="muted"></p>
    <form id="query-form"></form>
    <div id="query-result" class="table-wrap"></div>
  </section>
  <section id="tab-results" class="tab" hidden><div id="search-results" class="list"></div></section>
</aside>
<main class="center">
  <div class="toolbar">
    <button id="layout-force" title="Force-directed layout">Force</button>
    <button id="layout-chain" title="Tiers: tools → phones/IPs/devices → accounts → APIs, cards, addresses">Chain</button>
    <span class="sep"></span>
    <label>Expand <select id="expand-types"><option value="">all types</option>${Object.keys(TYPE_STYLE)
      .filter((t) => t !== 'Ring')
      .map((t) => `<option>${t}</option>`)
      .join('')}</select></label>
    <button id="btn-expand">Expand</button><button id="btn-collapse">Collapse</button><button id="btn-hide">Hide</button><button id="btn-pin">Pin</button><button id="btn-undo">Undo</button>
    <button id="btn-path" disabled title="Select two nodes">Path</button>
    <span class="sep"></span>
    <button id="export-png">PNG</button><button id="export-json">JSON</button><button id="export-csv">CSV</button><button id="btn-report">Report</button><button id="btn-clear">Clear</button>
  </div>
  <div id="cy" class="cy"></div>
  <div id="overlay" class="overlay">Open a ring from the list, or search for an identifier.</div>
  <div id="status" class="status"></div>
  <div class="timebar"><span>Time window</span><input id="t-from" type="range" min="0" max="1000" value="0" /><input id="t-to" type="range" min="0" max="1000" value="1000" /><span id="t-label" class="muted">all time</span></div>
  <div id="legend" class="legend">${Object.entries(TYPE_STYLE)
    .map(([t, s]) => `<span><i style="background:${s.color}"></i>${t}</span>`)
    .join('')}<span><i class="risk"></i>risk ≥ 0.5</span></div>
</main>
<aside class="right" id="details"><p class="muted">Select a node to see its properties, tags, rings and timeline.</p></aside>`;

const cy: Core = cytoscape({
  container: $('cy'),
  style: stylesheet,
  wheelSensitivity: 0.3,
  textureOnViewport: true,
  hideEdgesOnViewport: true,
  minZoom: 0.05,
  maxZoom: 4,
});
// A fit on a handful of nodes would zoom to 4× and blow labels up: small pictures stay at 1.5×.
cy.on('layoutstop', () => {
  if (cy.zoom() > 1.5) {
    cy.zoom(1.5);
    cy.center();
  }
});
const undoStack: { added: string[]; removed: ElementDefinition[] }[] = [];
let currentRing: (RingSummary & { timeline?: { time: string; detail: string }[] }) | null = null;

function setStatus(text: string, kind: 'info' | 'error' = 'info') {
  const s = $('status');
  s.textContent = text;
  s.className = `status ${kind}`;
}
function showOverlay(text: string | null, kind: 'info' | 'error' | 'loading' = 'info') {
  const o = $('overlay');
  o.hidden = text === null;
  o.textContent = text ?? '';
  o.className = `overlay ${kind}`;
}
function fail(e: unknown) {
  const msg = e instanceof ApiError ? e.message : `Unexpected error: ${String(e)}`;
  setStatus(msg, 'error');
  if (cy.elements().length === 0) showOverlay(msg, 'error');
}

/** Adds a graph to the canvas; returns the ids added (for undo). */
function addGraph(g: GGraph, layout: 'force' | 'chain' | 'none' = 'force'): string[] {
  const fresh = toElements(g).filter((el) => cy.getElementById(String(el.data.id)).empty());
  const added = cy.add(fresh);
  undoStack.push({ added: added.map((e) => e.id()), removed: [] });
  if (cy.elements().length) showOverlay(null);
  if (layout === 'chain') runChain();
  else if (layout === 'force') runForce();
  updateTimeRange();
  return added.map((e) => e.id());
}

/**
 * The force-directed layout for n nodes: fcose, in draft quality and without animation when big;
 * a grid only past 8,000 nodes (bench: fcose draft lays out 5,000 nodes in 1.3 s in Chromium).
 */
function forceLayout(n: number, name: 'fcose' | 'grid' = n > 8000 ? 'grid' : 'fcose'): cytoscape.LayoutOptions {
  return {
    name,
    quality: n > 800 ? 'draft' : 'default',
    animate: n < 300,
    randomize: true,
    nodeRepulsion: () => 6000,
    idealEdgeLength: () => 60,
    fit: true,
    padding: 30,
  } as cytoscape.LayoutOptions;
}

function runForce() {
  cy.layout(forceLayout(cy.nodes(':visible').length)).run();
}

function runChain() {
  const nodes = cy
    .nodes()
    .map((n) => ({ id: n.id(), type: String(n.data('type')), tags: (n.data('tags') as string[]) ?? [] }));
  const pos = chainPositions(nodes, Math.max(800, $('cy').clientWidth), Math.max(500, $('cy').clientHeight));
  cy.layout({
    name: 'preset',
    positions: (n: NodeSingular) => pos[n.id()] ?? { x: 0, y: 0 },
    fit: true,
    padding: 30,
  } as cytoscape.LayoutOptions).run();
}

// ---------- health ----------
fetch('/health')
  .then(
    (r) => r.json() as Promise<{ neo4j: { connected: boolean; version?: string; counts?: Record<string, number> } }>,
  )
  .then((h) => {
    const el = $('health');
    if (h.neo4j.connected) {
      const c = h.neo4j.counts ?? {};
      el.textContent = `Neo4j ${h.neo4j.version} connected · ${c.accounts ?? 0} accounts · ${c.rings ?? 0} rings`;
      el.className = 'health ok';
    } else {
      el.textContent = 'Database unavailable';
      el.className = 'health down';
      showOverlay('The graph database is unavailable. Check that Neo4j is running, then reload.', 'error');
    }
  })
  .catch(() => {
    $('health').textContent = 'Server unreachable';
    $('health').className = 'health down';
  });

// ---------- rings ----------
let ringCursor: string | null = null;
async function loadRings(append = false) {
  try {
    const data = await gql<{
      rings: { nodes: RingSummary[]; endCursor: string | null; hasNextPage: boolean; totalCount: number };
    }>(
      `query($sort: RingSort, $min: Float, $after: String) { rings(sort: $sort, minScore: $min, first: 30, after: $after) {
        totalCount endCursor hasNextPage nodes { id score size latestRegistration reasons { code weight detail } } } }`,
      {
        sort: $<HTMLSelectElement>('ring-sort').value,
        min: Number($<HTMLInputElement>('ring-min').value) || 0,
        after: append ? ringCursor : null,
      },
    );
    const list = $('ring-list');
    if (!append)
      list.innerHTML = data.rings.totalCount
        ? ''
        : '<p class="muted">No rings at this score. Run detection or lower the minimum score.</p>';
    for (const r of data.rings.nodes) {
      const item = document.createElement('button');
      item.className = 'ring-item';
      item.dataset.ring = r.id;
      item.innerHTML = `<b>${esc(r.id)}</b> <span class="score s${Math.floor(r.score * 4)}">${r.score.toFixed(2)}</span> · ${r.size} accounts<br><small>${esc(r.reasons[0]?.detail ?? '')}</small>`;
      item.onclick = () => openRing(r.id);
      list.appendChild(item);
    }
    ringCursor = data.rings.endCursor;
    $('ring-more').hidden = !data.rings.hasNextPage;
  } catch (e) {
    $('ring-list').innerHTML = `<p class="error">${esc(e instanceof Error ? e.message : e)}</p>`;
  }
}
$('ring-sort').onchange = () => void loadRings();
$('ring-min').onchange = () => void loadRings();
$('ring-more').onclick = () => void loadRings(true);

async function openRing(id: string) {
  showOverlay('Loading ring…', 'loading');
  try {
    const data = await gql<{
      ring: (RingSummary & { graph: GGraph; timeline: { time: string; detail: string }[] }) | null;
    }>(
      `query($id: ID!) { ring(id: $id) { id score size reasons { code weight detail } graph { ${GRAPH_FIELDS} } timeline { time detail } } }`,
      { id },
    );
    if (!data.ring) {
      showOverlay(`Ring ${id} not found (detection may have been re-run).`, 'error');
      return;
    }
    cy.elements().remove();
    undoStack.length = 0;
    currentRing = data.ring;
    addGraph(data.ring.graph, 'chain');
    setStatus(
      `Ring ${id}: ${data.ring.size} accounts, score ${data.ring.score.toFixed(2)}${data.ring.graph.truncated ? ' (picture truncated)' : ''}`,
    );
    showRingDetails(data.ring);
  } catch (e) {
    fail(e);
  }
}

function showRingDetails(r: RingSummary & { timeline: { time: string; detail: string }[] }) {
  $('details').innerHTML = `<h2>Ring ${esc(r.id)}</h2>
    <p><b>Score ${r.score.toFixed(2)}</b> · ${r.size} accounts</p>
    <h3>Why</h3><ul class="reasons">${r.reasons.map((x) => `<li><b>${esc(x.code)}</b> +${x.weight.toFixed(2)}<br>${esc(x.detail)}</li>`).join('')}</ul>
    <h3>Timeline</h3><ol class="timeline">${r.timeline
      .slice(0, 40)
      .map((t) => `<li><time>${esc(t.time.slice(0, 16).replace('T', ' '))}</time> ${esc(t.detail)}</li>`)
      .join('')}</ol>`;
}

// ---------- search ----------
$('search-form').onsubmit = async (ev) => {
  ev.preventDefault();
  const text = $<HTMLInputElement>('search').value.trim();
  if (!text) return;
  switchTab('results');
  const box = $('search-results');
  box.innerHTML = '<p class="muted">Searching…</p>';
  try {
    const data = await gql<{ search: (GNode & { degree: number })[] }>(
      `query($t: String!) { search(text: $t) { id type key label risk tags degree } }`,
      { t: text },
    );
    if (!data.search.length) {
      box.innerHTML = `<p class="muted">Nothing matches “${esc(text)}”.</p>`;
      return;
    }
    box.innerHTML = '';
    for (const e of data.search) {
      const b = document.createElement('button');
      b.className = 'ring-item';
      b.innerHTML = `<b>${esc(e.type)}</b> ${esc(e.label)} <small>· ${e.degree} links${e.risk ? ` · risk ${e.risk.toFixed(2)}` : ''}</small>`;
      b.onclick = () => (e.type === 'Ring' ? openRing(e.key) : openEntity(e.id));
      box.appendChild(b);
    }
  } catch (e) {
    box.innerHTML = `<p class="error">${esc(e instanceof Error ? e.message : e)}</p>`;
  }
};

async function openEntity(id: string) {
  if (cy.getElementById(id).empty()) {
    await expandNodes([id]);
  }
  cy.$(':selected').unselect();
  cy.getElementById(id).select();
}

// ---------- expand / collapse / hide / pin / undo ----------
async function expandNodes(ids: string[]) {
  const type = $<HTMLSelectElement>('expand-types').value;
  setStatus(`Expanding ${ids.length} node(s)…`);
  try {
    const data = await gql<{ expand: GGraph & { capped: { id: string; degree: number }[] } }>(
      `query($ids: [ID!]!, $types: [String!]) { expand(ids: $ids, depth: 1, types: $types, limit: 400) { ${GRAPH_FIELDS} capped { id degree } } }`,
      { ids, types: type ? [type] : null },
    );
    const added = addGraph(data.expand, 'force');
    const capped = data.expand.capped.map((c) => `${c.id} has ${c.degree} links (showing the strongest 100)`);
    setStatus(
      `Added ${added.length} elements.${capped.length ? ` ${capped.join('; ')}.` : ''}${data.expand.truncated && !capped.length ? ' Result truncated at 400 nodes.' : ''}`,
    );
  } catch (e) {
    fail(e);
  }
}
cy.on('dbltap', 'node', (ev) => void expandNodes([ev.target.id()]));
$('btn-expand').onclick = () => {
  const ids = cy.nodes(':selected').map((n) => n.id());
  if (ids.length) void expandNodes(ids);
};
$('btn-hide').onclick = () => {
  const sel = cy.elements(':selected').union(cy.elements(':selected').connectedEdges());
  undoStack.push({ added: [], removed: sel.jsons() as unknown as ElementDefinition[] });
  sel.remove();
};
$('btn-collapse').onclick = () => {
  // Removes neighbours that hang only on the selected nodes.
  const sel = cy.nodes(':selected');
  const leaves = sel
    .neighborhood('node')
    .filter((n) => n.isNode() && n.connectedEdges().length <= 1 && !n.hasClass('pinned'));
  const gone = leaves.union(leaves.connectedEdges());
  undoStack.push({ added: [], removed: gone.jsons() as unknown as ElementDefinition[] });
  gone.remove();
};
$('btn-pin').onclick = () => {
  cy.nodes(':selected').forEach((n) => {
    if (n.locked()) n.unlock().removeClass('pinned');
    else n.lock().addClass('pinned');
  });
};
$('btn-undo').onclick = () => {
  const step = undoStack.pop();
  if (!step) return;
  for (const id of step.added) cy.getElementById(id).remove();
  if (step.removed.length) cy.add(step.removed);
};
$('btn-clear').onclick = () => {
  cy.elements().remove();
  undoStack.length = 0;
  currentRing = null;
  showOverlay('Open a ring from the list, or search for an identifier.');
};
$('layout-force').onclick = runForce;
$('layout-chain').onclick = runChain;

// ---------- details, flag ----------
cy.on('select unselect', 'node', () => {
  const sel = cy.nodes(':selected');
  $<HTMLButtonElement>('btn-path').disabled = sel.length !== 2;
  if (sel.length === 1) void showEntity(sel[0]!.id());
});

async function showEntity(id: string) {
  const box = $('details');
  try {
    const data = await gql<{
      entity:
        | (GNode & {
            degree: number;
            rings: { id: string; score: number; size: number }[];
            flags: { tag: string; note: string | null; by: string; at: string }[];
          })
        | null;
    }>(
      `query($id: ID!) { entity(id: $id) { id type key label risk tags props degree rings { id score size } flags { tag note by at } } }`,
      { id },
    );
    const e = data.entity;
    if (!e) {
      box.innerHTML = `<p class="error">${esc(id)} no longer exists.</p>`;
      return;
    }
    const props = Object.entries(e.props ?? {})
      .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(typeof v === 'object' ? JSON.stringify(v) : v)}</td></tr>`)
      .join('');
    const edges = cy
      .getElementById(id)
      .connectedEdges()
      .map((x) => ({
        t: String(x.data('firstSeen') ?? ''),
        d: `${x.data('type')} ${x.source().id() === id ? x.target().data('label') : x.source().data('label')} (${x.data('count') ?? 1}×)`,
      }));
    edges.sort((a, b) => a.t.localeCompare(b.t));
    box.innerHTML = `<h2>${esc(e.type)} ${esc(e.label)}</h2>
      <p>${e.risk !== null ? `<b>risk ${e.risk.toFixed(2)}</b> · ` : ''}${e.degree} links</p>
      <p>${e.tags.map((t) => `<span class="tag">${esc(t)}</span>`).join(' ') || '<span class="muted">no tags</span>'}</p>
      ${e.rings.map((r) => `<p><button class="link" data-open-ring="${esc(r.id)}">Ring ${esc(r.id)}</button> score ${r.score.toFixed(2)}, ${r.size} accounts</p>`).join('')}
      <table class="props">${props}</table>
      <h3>Activity</h3><ol class="timeline">${
        edges
          .slice(0, 30)
          .map((x) => `<li><time>${esc(x.t.slice(0, 10))}</time> ${esc(x.d)}</li>`)
          .join('') || '<li class="muted">expand to see activity</li>'
      }</ol>
      <h3>Flag</h3><form id="flag-form"><input id="flag-tag" placeholder="tag, e.g. confirmed-fraud" required /><textarea id="flag-note" placeholder="note"></textarea><button>Flag</button></form>
      <ul class="flags">${e.flags.map((f) => `<li><b>${esc(f.tag)}</b> by ${esc(f.by)} ${esc(f.at.slice(0, 16))}${f.note ? `: ${esc(f.note)}` : ''}</li>`).join('')}</ul>
      ${e.type === 'Account' ? `<button id="btn-trace">Trace this account</button>` : ''}`;
    box
      .querySelectorAll<HTMLButtonElement>('[data-open-ring]')
      .forEach((b) => (b.onclick = () => openRing(b.dataset.openRing!)));
    $('flag-form').onsubmit = async (ev) => {
      ev.preventDefault();
      try {
        await gql(
          `mutation($id: ID!, $tag: String!, $note: String) { flagEntity(id: $id, tag: $tag, note: $note) { id tags } }`,
          {
            id,
            tag: $<HTMLInputElement>('flag-tag').value,
            note: $<HTMLTextAreaElement>('flag-note').value || null,
          },
        );
        setStatus(`Flagged ${id}`);
        void showEntity(id);
      } catch (err) {
        fail(err);
      }
    };
    const trace = document.getElementById('btn-trace');
    if (trace) trace.onclick = () => void traceAccount(id);
  } catch (err) {
    box.innerHTML = `<p class="error">${esc(err instanceof Error ? err.message : err)}</p>`;
  }
}

async function traceAccount(id: string) {
  try {
    const data = await gql<{
      trace: { graph: GGraph; events: { time: string; detail: string }[]; rings: string[] } | null;
    }>(`query($id: ID!) { trace(id: $id) { rings graph { ${GRAPH_FIELDS} } events { time detail } } }`, { id });
    if (!data.trace) return;
    addGraph(data.trace.graph, 'chain');
    $('details').insertAdjacentHTML(
      'beforeend',
      `<h3>Attack path</h3><ol class="timeline">${data.trace.events.map((e) => `<li><time>${esc(e.time.slice(0, 16).replace('T', ' '))}</time> ${esc(e.detail)}</li>`).join('')}</ol>`,
    );
  } catch (e) {
    fail(e);
  }
}

// ---------- path finder ----------
$('btn-path').onclick = async () => {
  const [a, b] = cy.nodes(':selected').map((n) => n.id());
  if (!a || !b) return;
  try {
    const data = await gql<{ paths: GGraph }>(
      `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 6, limit: 3) { ${GRAPH_FIELDS} } }`,
      { a, b },
    );
    if (!data.paths.nodes.length) {
      setStatus(`No path within 6 hops between ${a} and ${b}.`);
      return;
    }
    addGraph(data.paths, 'none');
    cy.elements().removeClass('path');
    for (const e of data.paths.edges) cy.getElementById(e.id).addClass('path');
    for (const n of data.paths.nodes) cy.getElementById(n.id).addClass('path');
    setStatus(
      `Path: ${data.paths.nodes.length} nodes, ${data.paths.edges.length} links between ${a} and ${b} (highlighted)`,
    );
  } catch (e) {
    fail(e);
  }
};

// ---------- time window ----------
let tMin = 0;
let tMax = 0;
function updateTimeRange() {
  const times = cy
    .edges()
    .map((e) => [e.data('firstSeen'), e.data('lastSeen')])
    .flat()
    .filter(Boolean)
    .map((t) => Date.parse(String(t)));
  if (!times.length) return;
  tMin = Math.min(...times);
  tMax = Math.max(...times);
  applyTimeWindow();
}
function applyTimeWindow() {
  const from = Number($<HTMLInputElement>('t-from').value);
  const to = Number($<HTMLInputElement>('t-to').value);
  if (tMax <= tMin) return;
  const lo = tMin + ((tMax - tMin) * Math.min(from, to)) / 1000;
  const hi = tMin + ((tMax - tMin) * Math.max(from, to)) / 1000;
  const all = from <= 0 && to >= 1000;
  $('t-label').textContent = all
    ? 'all time'
    : `${new Date(lo).toISOString().slice(0, 10)} → ${new Date(hi).toISOString().slice(0, 10)}`;
  cy.batch(() => {
    cy.elements().removeClass('faded');
    if (all) return;
    cy.edges().forEach((e) => {
      const f = Date.parse(String(e.data('firstSeen') ?? '')) || tMin;
      const l = Date.parse(String(e.data('lastSeen') ?? '')) || tMax;
      if (l < lo || f > hi) e.addClass('faded');
    });
    cy.nodes().forEach((n) => {
      const edges = n.connectedEdges();
      if (edges.length && edges.filter((e) => !e.hasClass('faded')).length === 0) n.addClass('faded');
    });
  });
}
$('t-from').oninput = applyTimeWindow;
$('t-to').oninput = applyTimeWindow;

// ---------- saved queries ----------
let queries: SavedQuery[] = [];
async function loadQueries() {
  try {
    const data = await gql<{ savedQueries: SavedQuery[] }>(
      `{ savedQueries { name description mode params { name type required default description } } }`,
    );
    queries = data.savedQueries;
    $('query-select').innerHTML = queries.map((q) => `<option value="${esc(q.name)}">${esc(q.name)}</option>`).join('');
    renderQueryForm();
  } catch (e) {
    $('query-desc').textContent = e instanceof Error ? e.message : String(e);
  }
}
function renderQueryForm() {
  const q = queries.find((x) => x.name === $<HTMLSelectElement>('query-select').value);
  if (!q) return;
  $('query-desc').textContent = q.description;
  $('query-form').innerHTML =
    q.params
      .map((p) => {
        const type = p.type === 'Int' || p.type === 'Float' ? 'number' : 'text';
        return `<label>${esc(p.name)} <small>${esc(p.type)}${p.required ? ', required' : ''}</small><input name="${esc(p.name)}" type="${type}" ${p.type === 'Float' ? 'step="any"' : ''} value="${esc(p.default ?? '')}" ${p.required ? 'required' : ''} title="${esc(p.description)}" placeholder="${esc(p.description)}" /></label>`;
      })
      .join('') + '<button>Run</button>';
}
$('query-select').onchange = renderQueryForm;
$('query-form').onsubmit = async (ev) => {
  ev.preventDefault();
  const q = queries.find((x) => x.name === $<HTMLSelectElement>('query-select').value);
  if (!q) return;
  const params: Record<string, unknown> = {};
  for (const p of q.params) {
    const v = ($('query-form').querySelector(`[name="${p.name}"]`) as HTMLInputElement).value;
    if (v === '') continue;
    params[p.name] = p.type === 'Int' || p.type === 'Float' ? Number(v) : p.type === 'Boolean' ? v === 'true' : v;
  }
  const out = $('query-result');
  out.innerHTML = '<p class="muted">Running…</p>';
  try {
    const data = await gql<{
      runSavedQuery: {
        columns: string[];
        rows: Record<string, unknown>[];
        graph: GGraph;
        truncated: boolean;
        elapsedMs: number;
      };
    }>(
      `query($n: String!, $p: JSON) { runSavedQuery(name: $n, params: $p) { columns rows truncated elapsedMs graph { ${GRAPH_FIELDS} } } }`,
      { n: q.name, p: params },
    );
    const r = data.runSavedQuery;
    out.innerHTML = `<p class="muted">${r.rows.length} rows${r.truncated ? ' (truncated)' : ''} in ${r.elapsedMs} ms</p>
      <table class="result"><thead><tr>${r.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${r.rows
        .slice(0, 200)
        .map(
          (row) =>
            `<tr>${r.columns.map((c) => `<td>${esc(typeof row[c] === 'object' ? JSON.stringify(row[c]) : row[c])}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>`;
    if (r.graph.nodes.length) addGraph(r.graph, 'force');
  } catch (e) {
    out.innerHTML = `<p class="error">${esc(e instanceof Error ? e.message : e)}</p>`;
  }
};

// ---------- exports and report ----------
function download(name: string, blob: Blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
$('export-png').onclick = () =>
  download('ringscope.png', cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }) as unknown as Blob);
$('export-json').onclick = () =>
  download(
    'ringscope.json',
    new Blob(
      [JSON.stringify({ nodes: cy.nodes().map((n) => n.data()), edges: cy.edges().map((e) => e.data()) }, null, 2)],
      { type: 'application/json' },
    ),
  );
$('export-csv').onclick = () => {
  const q = (v: unknown) => `"${String(v ?? '').replaceAll('"', '""')}"`;
  const lines = ['kind,id,type,label,risk,tags,source,target,count,firstSeen,lastSeen'];
  cy.nodes().forEach(
    (n) =>
      void lines.push(
        [
          'node',
          n.id(),
          n.data('type'),
          n.data('label'),
          n.data('risk'),
          (n.data('tags') as string[]).join(';'),
          '',
          '',
          '',
          '',
          '',
        ]
          .map(q)
          .join(','),
      ),
  );
  cy.edges().forEach(
    (e) =>
      void lines.push(
        [
          'edge',
          e.id(),
          e.data('type'),
          '',
          '',
          '',
          e.data('source'),
          e.data('target'),
          e.data('count'),
          e.data('firstSeen'),
          e.data('lastSeen'),
        ]
          .map(q)
          .join(','),
      ),
  );
  download('ringscope.csv', new Blob([lines.join('\n')], { type: 'text/csv' }));
};
$('btn-report').onclick = () => {
  const img = cy.png({ full: true, bg: '#ffffff', maxWidth: 1400 });
  const counts = new Map<string, number>();
  cy.nodes().forEach((n) => {
    counts.set(String(n.data('type')), (counts.get(String(n.data('type'))) ?? 0) + 1);
    return true;
  });
  const r = currentRing;
  const summary = r
    ? `<p>Ring <b>${esc(r.id)}</b> groups <b>${r.size} accounts</b> with a score of <b>${r.score.toFixed(2)}</b>. ${r.reasons.map((x) => esc(x.detail)).join('. ')}.</p>`
    : `<p>Investigation picture with ${[...counts].map(([t, n]) => `${n} ${t}`).join(', ')}.</p>`;
  const html = `<!doctype html><meta charset="utf-8"><title>ringscope case report</title><style>body{font-family:system-ui;margin:2rem;max-width:60rem}img{max-width:100%;border:1px solid #ccc}</style>
    <h1>Case report</h1><p>${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC</p>${summary}
    <h2>What is on the picture</h2><ul>${[...counts].map(([t, n]) => `<li>${n} × ${esc(t)}</li>`).join('')}</ul><img src="${img}" alt="graph">
    ${
      r?.timeline
        ? `<h2>Timeline</h2><ol>${r.timeline
            .slice(0, 60)
            .map((t) => `<li>${esc(t.time.slice(0, 16).replace('T', ' '))} ${esc(t.detail)}</li>`)
            .join('')}</ol>`
        : ''
    }`;
  download('ringscope-report.html', new Blob([html], { type: 'text/html' }));
};

// ---------- tabs ----------
function switchTab(tab: string) {
  document
    .querySelectorAll<HTMLButtonElement>('.tabs button')
    .forEach((b) => b.classList.toggle('active', b.dataset.tab === tab));
  for (const t of ['rings', 'queries', 'results']) $(`tab-${t}`).hidden = t !== tab;
}
document
  .querySelectorAll<HTMLButtonElement>('.tabs button')
  .forEach((b) => (b.onclick = () => switchTab(b.dataset.tab!)));

// Test and benchmark hook: tests reach the canvas through `cy`; the render benchmark times adding
// and laying out N synthetic elements in this app's setup against plain Cytoscape defaults.
interface RenderTiming {
  addMs: number;
  layoutMs: number;
  firstFrameMs: number;
  totalMs: number;
  /** Mean time per frame while zooming in and out 20 times (what panning around feels like). */
  zoomFrameMs: number;
}
const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

function syntheticElements(elements: number): ElementDefinition[] {
  const nodes = Math.ceil(elements / 2);
  const els: ElementDefinition[] = [];
  const types = Object.keys(TYPE_STYLE);
  for (let i = 0; i < nodes; i++) {
    const type = types[i % types.length]!;
    const s = TYPE_STYLE[type]!;
    els.push({
      group: 'nodes',
      data: { id: `n${i}`, label: `${type} ${i}`, type, color: s.color, shape: s.shape, risk: (i % 10) / 10, tags: [] },
    });
  }
  // A forest of small stars joined in a chain: shaped like expanded rings, one component.
  for (let i = 1; i < elements - nodes + 1 && i < nodes; i++) {
    const parent = i % 12 === 0 ? i - 12 : i - (i % 12);
    els.push({
      group: 'edges',
      data: { id: `e${i}`, source: `n${i}`, target: `n${parent}`, type: 'USED_IP', count: 1 + (i % 5) },
    });
  }
  return els;
}

async function timeRender(target: Core, elements: number, layout: 'fcose' | 'grid'): Promise<RenderTiming> {
  const els = syntheticElements(elements);
  await nextFrame();
  const t0 = performance.now();
  target.batch(() => {
    target.elements().remove();
    target.add(els);
  });
  const t1 = performance.now();
  await new Promise<void>((resolve) => {
    const l = target.layout(forceLayout(target.nodes().length, layout));
    l.one('layoutstop', () => resolve());
    l.run();
  });
  const t2 = performance.now();
  await nextFrame();
  await nextFrame();
  const t3 = performance.now();
  const z0 = performance.now();
  const center = { x: target.width() / 2, y: target.height() / 2 };
  for (let i = 0; i < 20; i++) {
    target.zoom({ level: target.zoom() * (i % 2 ? 1 / 1.15 : 1.15), renderedPosition: center });
    await nextFrame();
  }
  const zoomFrameMs = (performance.now() - z0) / 20;
  return { addMs: t1 - t0, layoutMs: t2 - t1, firstFrameMs: t3 - t2, totalMs: t3 - t0, zoomFrameMs };
}

(window as unknown as { ringscope: unknown }).ringscope = {
  cy,
  /**
   * 'app': this app's canvas (its style and renderer options); 'webgl': the same with Cytoscape's
   * WebGL renderer; 'baseline': a plain Cytoscape with default options and a label on every node.
   */
  async benchRender(elements: number, variant: 'app' | 'webgl' | 'baseline', layout: 'fcose' | 'grid') {
    if (variant === 'app') {
      const timing = await timeRender(cy, elements, layout);
      cy.elements().remove();
      return timing;
    }
    const box = document.createElement('div');
    box.style.cssText = `position:fixed;left:0;top:0;width:${$('cy').clientWidth}px;height:${$('cy').clientHeight}px;background:#fff;z-index:50`;
    document.body.append(box);
    const other =
      variant === 'webgl'
        ? cytoscape({
            container: box,
            style: stylesheet,
            textureOnViewport: true,
            hideEdgesOnViewport: true,
            renderer: { name: 'canvas', webgl: true },
          } as cytoscape.CytoscapeOptions)
        : cytoscape({
            container: box,
            style: [
              { selector: 'node', style: { label: 'data(label)', 'background-color': 'data(color)' } },
              { selector: 'edge', style: { width: 1 } },
            ],
          });
    try {
      return await timeRender(other, elements, layout);
    } finally {
      other.destroy();
      box.remove();
    }
  },
};

void loadRings();
void loadQueries();
