// The time window: two sliders over the span of the links on the canvas; links outside the
// window and nodes left with no link inside it are faded.
import { byId } from './dom.js';
import type { Workspace } from './workspace.js';

export function initTimeWindow(ws: Workspace): void {
  const { cy } = ws;
  let tMin = 0;
  let tMax = 0;

  function apply() {
    const from = Number(byId<HTMLInputElement>('t-from').value);
    const to = Number(byId<HTMLInputElement>('t-to').value);
    if (tMax <= tMin) return;
    const lo = tMin + ((tMax - tMin) * Math.min(from, to)) / 1000;
    const hi = tMin + ((tMax - tMin) * Math.max(from, to)) / 1000;
    const all = from <= 0 && to >= 1000;
    byId('t-label').textContent = all
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

  ws.onChange(() => {
    const times = cy
      .edges()
      .map((e) => [e.data('firstSeen'), e.data('lastSeen')])
      .flat()
      .filter(Boolean)
      .map((t) => Date.parse(String(t)));
    if (!times.length) {
      // An empty canvas: the window goes back to all time.
      byId<HTMLInputElement>('t-from').value = '0';
      byId<HTMLInputElement>('t-to').value = '1000';
      byId('t-label').textContent = 'all time';
      return;
    }
    tMin = Math.min(...times);
    tMax = Math.max(...times);
    apply();
  });
  byId('t-from').oninput = apply;
  byId('t-to').oninput = apply;
}
