// A case's saved view: the canvas elements with positions and classes, the time window and the
// expand filter, pan and zoom — captured from the canvas, and put back exactly (no layout runs).
// A link `#case=<id>&view=<id>` reopens one after a reload.
import type { ElementDefinition } from 'cytoscape';
import { byId } from './dom.js';
import { clearDetails } from './details-panel.js';
import { showOverlay } from './status.js';
import type { Workspace } from './workspace.js';

export interface SavedView {
  elements: {
    group: 'nodes' | 'edges';
    data: Record<string, unknown>;
    position?: { x: number; y: number };
    classes?: string;
  }[];
  filters: Record<string, string | number | boolean | null>;
  timeWindow: { from: number; to: number } | null;
  pan: { x: number; y: number } | null;
  zoom: number | null;
  ringId: string | null;
}

export function captureView(ws: Workspace): SavedView {
  return {
    elements: ws.cy.elements().map((e) => ({
      group: e.isNode() ? 'nodes' : 'edges',
      data: e.data() as Record<string, unknown>,
      ...(e.isNode() ? { position: { ...e.position() } } : {}),
      classes: e.classes().join(' '),
    })),
    filters: { expandTypes: byId<HTMLSelectElement>('expand-types').value },
    timeWindow: {
      from: Number(byId<HTMLInputElement>('t-from').value),
      to: Number(byId<HTMLInputElement>('t-to').value),
    },
    pan: { ...ws.cy.pan() },
    zoom: ws.cy.zoom(),
    ringId: ws.currentRing?.id ?? null,
  };
}

export function applyView(ws: Workspace, v: SavedView): void {
  ws.cy.elements().remove();
  ws.history.clear();
  ws.currentRing = null;
  clearDetails();
  ws.cy.add(v.elements as ElementDefinition[]);
  if (v.zoom) ws.cy.zoom(v.zoom);
  if (v.pan) ws.cy.pan(v.pan);
  showOverlay(ws.cy.elements().length ? null : 'This view is empty.');
  const types = v.filters.expandTypes;
  if (typeof types === 'string') byId<HTMLSelectElement>('expand-types').value = types;
  if (v.timeWindow) {
    for (const [id, value] of [
      ['t-from', v.timeWindow.from],
      ['t-to', v.timeWindow.to],
    ] as const) {
      const input = byId<HTMLInputElement>(id);
      input.value = String(value);
      input.dispatchEvent(new Event('input'));
    }
  }
  ws.changed();
}

export const viewLink = (caseId: string, viewId: string) =>
  `${location.origin}${location.pathname}#case=${encodeURIComponent(caseId)}&view=${encodeURIComponent(viewId)}`;

export function linkFromHash(): { caseId: string; viewId: string | null } | null {
  const p = new URLSearchParams(location.hash.slice(1));
  const caseId = p.get('case');
  return caseId ? { caseId, viewId: p.get('view') } : null;
}
