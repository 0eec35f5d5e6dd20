// The case report: a standalone HTML file with the ring (or picture) summary in plain words, what
// is on the picture, the picture itself and the timeline. Built as DOM, so data is escaped.
import { html, nothing, render } from 'lit-html';
import { byId, download, shortTime } from './dom.js';
import type { Workspace } from './workspace.js';

const STYLE = 'body{font-family:system-ui;margin:2rem;max-width:60rem}img{max-width:100%;border:1px solid #ccc}';

export function reportHtml(ws: Workspace): string {
  const { cy } = ws;
  const img = cy.png({ full: true, bg: '#ffffff', maxWidth: 1400 });
  const counts = new Map<string, number>();
  cy.nodes().forEach((n) => void counts.set(String(n.data('type')), (counts.get(String(n.data('type'))) ?? 0) + 1));
  const r = ws.currentRing;
  const doc = document.implementation.createHTMLDocument('ringscope case report');
  const meta = doc.createElement('meta');
  meta.setAttribute('charset', 'utf-8');
  const style = doc.createElement('style');
  style.textContent = STYLE;
  doc.head.prepend(meta, style);
  render(
    html`<h1>Case report</h1>
      <p>${shortTime(new Date().toISOString())} UTC</p>
      ${
        r
          ? html`<p>
              Ring <b>${r.id}</b> groups <b>${r.size} accounts</b> with a score of <b>${r.score.toFixed(2)}</b>.
              ${r.reasons.map((x) => x.detail).join('. ')}.
            </p>`
          : html`<p>Investigation picture with ${[...counts].map(([t, n]) => `${n} ${t}`).join(', ')}.</p>`
      }
      <h2>What is on the picture</h2>
      <ul>
        ${[...counts].map(([t, n]) => html`<li>${n} × ${t}</li>`)}
      </ul>
      <img src=${img} alt="graph" />
      ${
        r
          ? html`<h2>Timeline</h2>
              <ol>
                ${r.timeline.slice(0, 60).map((t) => html`<li>${shortTime(t.time)} ${t.detail}</li>`)}
              </ol>`
          : nothing
      }`,
    doc.body,
  );
  // lit leaves comment markers in the DOM; they are harmless in the saved file.
  return `<!doctype html>\n${doc.documentElement.outerHTML}`;
}

export function initReport(ws: Workspace): void {
  byId('btn-report').onclick = () =>
    download('ringscope-report.html', new Blob([reportHtml(ws)], { type: 'text/html' }));
}
