// The legend under the canvas: every node type with its real shape and colour, and every mark the
// canvas can draw (risk borders, intel outline, benign crowds, time-window fading, flags, pins,
// paths, selection, edges and their labels). Shapes are SVG drawings of Cytoscape's node shapes.
import { html, svg, render } from 'lit-html';
import { COLORS, TYPE_STYLE } from '../graph/style.js';
import { byId } from './dom.js';
import { FLAG_THRESHOLD, KEEP_THRESHOLD } from '../../../server/src/model/thresholds.js';

/** SVG outlines (in a 20×20 box) of the Cytoscape shapes TYPE_STYLE uses. */
const SHAPES: Record<string, string> = {
  ellipse: 'circle',
  'round-rectangle': 'M5 3h10a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z',
  diamond: 'M10 1L19 10L10 19L1 10z',
  rectangle: 'M3 3h14v14H3z',
  triangle: 'M10 2L18 17H2z',
  'round-tag': 'M3 4h9l5 6l-5 6H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z',
  pentagon: 'M10 1.5L18.5 7.7L15.3 17.5H4.7L1.5 7.7z',
  hexagon: 'M5.5 2h9L19 10l-4.5 8h-9L1 10z',
  star: 'M10 1l2.6 6.1 6.6.5-5 4.3 1.6 6.5L10 15l-5.8 3.4 1.6-6.5-5-4.3 6.6-.5z',
  octagon: 'M6.5 1.5h7l5 5v7l-5 5h-7l-5-5v-7z',
};

function shape(name: string, fill: string, stroke = 'none', strokeWidth = 0, extra = '') {
  const d = SHAPES[name] ?? 'circle';
  return svg`<svg class="glyph" viewBox="-2 -2 24 24" width="18" height="18" aria-hidden="true">
    ${extra ? svg`<circle cx="10" cy="10" r="11.5" fill=${extra} opacity="0.45"></circle>` : ''}
    ${
      d === 'circle'
        ? svg`<circle cx="10" cy="10" r="8.5" fill=${fill} stroke=${stroke} stroke-width=${strokeWidth}></circle>`
        : svg`<path d=${d} fill=${fill} stroke=${stroke} stroke-width=${strokeWidth}></path>`
    }
  </svg>`;
}

const account = TYPE_STYLE.Account!;
const TYPE_NAMES: Record<string, string> = { PaymentMethod: 'Card', Api: 'API' };

/** Every mark, with what it means: [key, glyph, short text, full explanation (tooltip)]. */
const MARKS = [
  [
    'risk-high',
    shape(account.shape, account.color, COLORS.riskHigh, 3),
    `risk ≥ ${FLAG_THRESHOLD}`,
    `Red border: account or identifier risk at least ${FLAG_THRESHOLD} (flagged)`,
  ],
  [
    'risk-mid',
    shape(account.shape, account.color, COLORS.riskMid, 3),
    `risk ${KEEP_THRESHOLD}–${FLAG_THRESHOLD}`,
    `Orange border: risk between ${KEEP_THRESHOLD} and ${FLAG_THRESHOLD}`,
  ],
  [
    'intel',
    shape('diamond', TYPE_STYLE.IP!.color, COLORS.intel, 3),
    'intel',
    'Amber outline: intel says proxy, datacenter, SMS platform, virtual number, emulator or fraud tool',
  ],
  [
    'benign',
    html`<span class="benign-glyph">${shape('diamond', TYPE_STYLE.IP!.color)}</span>`,
    'crowd',
    'Paler: a shared crowd where sharing is normal (CGNAT, office, public Wi-Fi)',
  ],
  [
    'faded',
    html`<span class="faded-glyph">${shape(account.shape, account.color)}</span>`,
    'out of time window',
    'Faint: no link inside the time window',
  ],
  [
    'flagged',
    shape(account.shape, account.color, 'none', 0, COLORS.flagged),
    '⚑ flagged',
    'Purple halo and ⚑: flagged by an investigator',
  ],
  [
    'pinned',
    shape(account.shape, account.color, '#111', 3),
    'pinned',
    'Double black border: pinned, stays put in every layout',
  ],
  ['selected', shape(account.shape, account.color, COLORS.selected, 3), 'selected', 'Blue border and halo: selected'],
  [
    'path',
    html`<i class="line" style="background:${COLORS.path}"></i>`,
    'path',
    'Magenta: the path found between two selected nodes',
  ],
  [
    'edge',
    html`<i class="line" style="background:${COLORS.edge}"></i>`,
    'link',
    'Grey line: a link; thicker means more events; zoom in to read its kind and count ("used ip ×4")',
  ],
] as const;

export function initLegend(): void {
  render(
    html`<div class="legend-row">
        ${Object.entries(TYPE_STYLE).map(
          ([t, s]) =>
            html`<span class="legend-entry" data-entry=${t}>${shape(s.shape, s.color)}${TYPE_NAMES[t] ?? t}</span>`,
        )}
      </div>
      <div class="legend-row">
        ${MARKS.map(
          ([key, glyph, text, title]) =>
            html`<span class="legend-entry" data-entry=${key} title=${title}>${glyph}${text}</span>`,
        )}
      </div>`,
    byId('legend'),
  );
}
