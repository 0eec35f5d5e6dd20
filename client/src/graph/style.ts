// The canvas stylesheet as data: colour and shape by type, border by risk, intel tags, flags,
// pins and paths as classes, edge width by event count. MARKS lists what each mark means, for the
// legend: every colour and mark the canvas can show is in it.
import type { StylesheetJson } from 'cytoscape';
// The server's named scores (a pure file bundled at build time): flagged at FLAG, kept at KEEP.
import { FLAG_THRESHOLD, KEEP_THRESHOLD } from '../../../server/src/model/thresholds.js';

export const TYPE_STYLE: Record<string, { color: string; shape: string }> = {
  Account: { color: '#3b6fd8', shape: 'ellipse' },
  Device: { color: '#8a5cd1', shape: 'round-rectangle' },
  IP: { color: '#2a9d8f', shape: 'diamond' },
  PaymentMethod: { color: '#e07a1f', shape: 'rectangle' },
  Phone: { color: '#d1495b', shape: 'triangle' },
  Email: { color: '#6c757d', shape: 'round-tag' },
  Address: { color: '#b08900', shape: 'pentagon' },
  Api: { color: '#6a994e', shape: 'hexagon' },
  Tool: { color: '#222222', shape: 'star' },
  Ring: { color: '#c1121f', shape: 'octagon' },
};

export const COLORS = {
  riskHigh: '#c1121f',
  riskMid: '#f4a261',
  intel: '#ffb703',
  flagged: '#7b2cbf',
  path: '#ff006e',
  selected: '#0b57d0',
  edge: '#aab2bf',
} as const;

/**
 * Risk tiers, as the canvas draws them (red border from FLAG_THRESHOLD, orange from
 * KEEP_THRESHOLD): lists that show a risk colour it the same way.
 */
export type RiskTier = 'high' | 'mid' | 'low';
export function riskTier(risk: number): RiskTier {
  return risk >= FLAG_THRESHOLD ? 'high' : risk >= KEEP_THRESHOLD ? 'mid' : 'low';
}
/** A risk badge's colours and tooltip per tier (text dark on the light orange). */
export const RISK_BADGE: Record<RiskTier, { background: string; color: string; title: string }> = {
  high: { background: COLORS.riskHigh, color: '#fff', title: `risk ≥ ${FLAG_THRESHOLD}: flagged` },
  mid: { background: COLORS.riskMid, color: '#1d2430', title: `risk ${KEEP_THRESHOLD}–${FLAG_THRESHOLD}` },
  low: { background: '#5a6473', color: '#fff', title: `risk below ${KEEP_THRESHOLD}` },
};

/** Node label: hidden when it would be drawn smaller than this many pixels (zoomed out). */
export const MIN_LABEL_PX = 8;

export const stylesheet: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      shape: 'data(shape)' as never,
      label: 'data(display)',
      'font-size': 9,
      color: '#1d2430',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      // Decluttering: a label has a light background, is cut at 120 px, and is hidden when zoomed
      // out past legibility (min-zoomed-font-size), so labels never pile into a grey smear.
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      'text-max-width': '120px',
      'text-wrap': 'ellipsis',
      width: 22,
      height: 22,
      'border-width': 0,
      'min-zoomed-font-size': MIN_LABEL_PX,
    },
  },
  { selector: `node[risk >= ${FLAG_THRESHOLD}]`, style: { 'border-width': 3, 'border-color': COLORS.riskHigh } },
  {
    selector: `node[risk >= ${KEEP_THRESHOLD}][risk < ${FLAG_THRESHOLD}]`,
    style: { 'border-width': 2, 'border-color': COLORS.riskMid },
  },
  {
    selector: 'node.intel',
    style: { 'background-blacken': 0.2, 'outline-width': 2, 'outline-color': COLORS.intel } as never,
  },
  { selector: 'node.benign', style: { opacity: 0.6 } },
  {
    selector: 'node.flagged',
    style: {
      'underlay-color': COLORS.flagged,
      'underlay-opacity': 0.45,
      'underlay-padding': 7,
      'font-weight': 'bold',
      color: COLORS.flagged,
    } as never,
  },
  { selector: 'node.pinned', style: { 'border-style': 'double', 'border-width': 4, 'border-color': '#111' } },
  { selector: '.faded', style: { opacity: 0.12 } },
  { selector: '.hidden-time', style: { display: 'none' } },
  {
    selector: 'edge',
    style: {
      width: 'mapData(count, 1, 50, 1, 6)',
      'line-color': COLORS.edge,
      'curve-style': 'haystack',
      'haystack-radius': 0,
      opacity: 0.8,
      label: 'data(label)',
      'font-size': 7,
      color: '#5a6473',
      // Edge labels only when zoomed in enough to read them (7 px × zoom ≥ 8 px).
      'min-zoomed-font-size': MIN_LABEL_PX,
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.7,
    },
  },
  // Last, so they win over the generic node and edge rules above.
  {
    selector: 'node:selected',
    style: {
      'border-width': 4,
      'border-color': COLORS.selected,
      'overlay-color': COLORS.selected,
      'overlay-opacity': 0.2,
      'overlay-padding': 8,
      'z-index': 20,
    },
  },
  {
    selector: 'node.more',
    style: {
      shape: 'round-rectangle',
      width: 'label',
      height: 18,
      padding: '6px',
      'background-color': '#eef1f4',
      'border-width': 1,
      'border-style': 'dashed',
      'border-color': '#5a6473',
      'text-valign': 'center',
      'text-margin-y': 0,
      'font-size': 10,
      'min-zoomed-font-size': 0,
      color: '#1d2430',
    } as never,
  },
  {
    selector: 'edge.more',
    style: { 'line-style': 'dashed', 'line-color': '#5a6473', width: 1.5, 'curve-style': 'straight', label: '' },
  },
  { selector: 'edge:selected', style: { 'line-color': COLORS.selected, width: 4, opacity: 1 } },
  // A found path stays magenta even while its ends are selected (the selection halo still shows).
  { selector: 'edge.path', style: { 'line-color': COLORS.path, width: 5, opacity: 1, 'z-index': 10 } },
  { selector: 'node.path', style: { 'border-width': 4, 'border-color': COLORS.path, 'z-index': 10 } },
];
