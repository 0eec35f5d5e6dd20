// The legend under the canvas: one entry per node type, and the marks for risk.
import { html, render } from 'lit-html';
import { TYPE_STYLE } from '../graph/style.js';
import { byId } from './dom.js';
import { FLAG_THRESHOLD } from '../../../server/src/model/thresholds.js';

export function initLegend(): void {
  render(
    html`${Object.entries(TYPE_STYLE).map(
        ([t, s]) => html`<span><i style="background:${s.color}"></i>${t}</span>`,
      )}<span><i class="risk"></i>risk ≥ ${FLAG_THRESHOLD}</span>`,
    byId('legend'),
  );
}
