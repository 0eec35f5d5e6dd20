// The canvas stylesheet as data: colour and shape by type, border by risk, ring membership and
// intel tags as classes, edge width by event count.
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
  Api: { color: '#1b998b', shape: 'hexagon' },
  Tool: { color: '#222222', shape: 'star' },
  Ring: { color: '#c1121f', shape: 'octagon' },
};

export const stylesheet: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      shape: 'data(shape)' as never,
      label: 'data(label)',
      'font-size': 9,
      color: '#1d2430',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      width: 22,
      height: 22,
      'border-width': 0,
      'min-zoomed-font-size': 7,
    },
  },
  { selector: `node[risk >= ${FLAG_THRESHOLD}]`, style: { 'border-width': 3, 'border-color': '#c1121f' } },
  {
    selector: `node[risk >= ${KEEP_THRESHOLD}][risk < ${FLAG_THRESHOLD}]`,
    style: { 'border-width': 2, 'border-color': '#f4a261' },
  },
  {
    selector: 'node.intel',
    style: { 'background-blacken': 0.2, 'outline-width': 2, 'outline-color': '#ffb703' } as never,
  },
  { selector: 'node.benign', style: { opacity: 0.75 } },
  { selector: 'node.pinned', style: { 'border-style': 'double', 'border-width': 4, 'border-color': '#111' } },
  { selector: 'node:selected', style: { 'overlay-color': '#3b6fd8', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
  { selector: '.faded', style: { opacity: 0.12 } },
  { selector: '.hidden-time', style: { display: 'none' } },
  {
    selector: 'edge',
    style: {
      width: 'mapData(count, 1, 50, 1, 6)',
      'line-color': '#aab2bf',
      'curve-style': 'haystack',
      'haystack-radius': 0,
      opacity: 0.8,
    },
  },
  // Last, so they win over the generic node and edge rules above.
  { selector: 'edge.path', style: { 'line-color': '#ff006e', width: 5, opacity: 1, 'z-index': 10 } },
  { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#ff006e', 'z-index': 10 } },
];
