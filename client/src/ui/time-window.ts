// The time bar: a histogram of the activity of the links on the canvas, a brush (drag across the
// histogram to choose a window, or use the two sliders), and play (the window slides through
// time). Links outside the window and nodes left with no link inside it are faded.
import { html, svg, render } from 'lit-html';
import { activityBins, type Bins } from '../graph/histogram.js';
import { byId } from './dom.js';
import type { Workspace } from './workspace.js';

const SCALE = 1000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

export function initTimeWindow(ws: Workspace): void {
  const { cy } = ws;
  let bins: Bins = { min: 0, max: 0, counts: [] };
  let timer: number | null = null;
  const from = () => byId<HTMLInputElement>('t-from');
  const to = () => byId<HTMLInputElement>('t-to');

  function setWindow(a: number, b: number) {
    from().value = String(Math.round(Math.max(0, Math.min(a, b))));
    to().value = String(Math.round(Math.min(SCALE, Math.max(a, b))));
    apply();
  }

  function apply() {
    const f = Number(from().value);
    const t = Number(to().value);
    const { min: tMin, max: tMax } = bins;
    drawHistogram();
    if (tMax <= tMin) return;
    const lo = tMin + ((tMax - tMin) * Math.min(f, t)) / SCALE;
    const hi = tMin + ((tMax - tMin) * Math.max(f, t)) / SCALE;
    const all = f <= 0 && t >= SCALE;
    byId('t-label').textContent = all ? 'all time' : `${day(lo)} → ${day(hi)}`;
    cy.batch(() => {
      cy.elements().removeClass('faded');
      if (all) return;
      cy.edges().forEach((e) => {
        const first = Date.parse(String(e.data('firstSeen') ?? '')) || tMin;
        const last = Date.parse(String(e.data('lastSeen') ?? '')) || tMax;
        if (last < lo || first > hi) e.addClass('faded');
      });
      cy.nodes().forEach((n) => {
        const edges = n.connectedEdges();
        if (edges.length && edges.filter((e) => !e.hasClass('faded')).length === 0) n.addClass('faded');
      });
    });
  }

  /** Bars of activity, the chosen window shaded; dragging across it sets the window. */
  function drawHistogram() {
    const box = byId('t-hist');
    const n = bins.counts.length;
    if (!n) {
      render(html`<span class="muted">no dated links on the canvas</span>`, box);
      return;
    }
    const peak = Math.max(...bins.counts, 1);
    const a = Math.min(Number(from().value), Number(to().value)) / SCALE;
    const b = Math.max(Number(from().value), Number(to().value)) / SCALE;
    render(
      svg`<svg id="t-svg" viewBox="0 0 ${n} 20" preserveAspectRatio="none" role="img"
        aria-label="Activity from ${day(bins.min)} to ${day(bins.max)}">
        <rect class="window" x=${a * n} y="0" width=${Math.max(0.3, (b - a) * n)} height="20"></rect>
        ${bins.counts.map((c, i) => {
          const h = c > 0 ? Math.max(1, (c / peak) * 19) : 0;
          const inside = (i + 0.5) / n >= a && (i + 0.5) / n <= b;
          return svg`<rect class=${inside ? 'bar in' : 'bar'} x=${i + 0.1} y=${20 - h} width="0.8" height=${h}></rect>`;
        })}
      </svg>`,
      box,
    );
  }

  // The brush: press on the histogram, drag, release.
  const hist = byId('t-hist');
  let anchor: number | null = null;
  const at = (ev: PointerEvent) => {
    const r = hist.getBoundingClientRect();
    return (Math.min(Math.max(ev.clientX - r.left, 0), r.width) / Math.max(1, r.width)) * SCALE;
  };
  hist.onpointerdown = (ev) => {
    if (!bins.counts.length) return;
    anchor = at(ev);
    hist.setPointerCapture(ev.pointerId);
  };
  hist.onpointermove = (ev) => {
    if (anchor !== null) setWindow(anchor, at(ev));
  };
  hist.onpointerup = (ev) => {
    if (anchor === null) return;
    const x = at(ev);
    // A click without a drag goes back to all time.
    if (Math.abs(x - anchor) < 5) setWindow(0, SCALE);
    else setWindow(anchor, x);
    anchor = null;
  };

  function stop() {
    if (timer !== null) window.clearInterval(timer);
    timer = null;
    byId('t-play').textContent = '▶ Play';
  }
  byId('t-play').onclick = () => {
    if (timer !== null) return stop();
    const width = Math.max(50, Number(to().value) - Number(from().value));
    const span = width >= SCALE ? 100 : width;
    let start = width >= SCALE ? 0 : Number(from().value);
    byId('t-play').textContent = '❚❚ Pause';
    timer = window.setInterval(() => {
      start += 10;
      if (start + span > SCALE) {
        setWindow(SCALE - span, SCALE);
        return stop();
      }
      setWindow(start, start + span);
    }, 120);
  };

  ws.onChange(() => {
    bins = activityBins(
      cy.edges().map((e) => ({
        first: Date.parse(String(e.data('firstSeen') ?? '')) || null,
        last: Date.parse(String(e.data('lastSeen') ?? '')) || null,
        count: Number(e.data('count') ?? 1),
      })),
    );
    if (!bins.counts.length) {
      // An empty canvas: the window goes back to all time.
      stop();
      from().value = '0';
      to().value = String(SCALE);
      byId('t-label').textContent = 'all time';
    }
    apply();
  });
  from().oninput = apply;
  to().oninput = apply;
  drawHistogram();
}
