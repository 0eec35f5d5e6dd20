// Hub paging: a node with more links than one expand returns (a CGNAT IP, an API every shopper
// calls) gets a "+N more" node next to it; tapping that node loads the next page of links.
import type { Core, NodeSingular } from 'cytoscape';
import { placeNew, type Point } from './placement.js';

/** Links one expand returns per node (the server's PER_NODE_CAP). */
export const PAGE = 100;

export const moreId = (hub: string) => `more:${hub}`;

/** What the "+N more" node says: how many links of the hub are not on the canvas yet. */
export function moreLabel(degree: number, shown: number, type: string): string {
  const rest = Math.max(0, degree - shown);
  return `+${rest} more${type ? ` ${type}` : ''} links`;
}

/**
 * Puts (or updates, or removes when nothing is left) the "+N more" node of a hub after a page
 * of its links was loaded; `shown` counts the links loaded so far.
 */
export function showMore(cy: Core, hub: string, degree: number, shown: number, type: string): void {
  const id = moreId(hub);
  const existing = cy.getElementById(id);
  if (shown >= degree) {
    existing.remove();
    return;
  }
  const data = { hub, degree, shown, filter: type, label: moreLabel(degree, shown, type) };
  if (!existing.empty()) {
    existing.data({ ...data, display: data.label });
    return;
  }
  const h = cy.getElementById(hub) as NodeSingular;
  if (h.empty()) return;
  const placed = new Map<string, Point>();
  cy.nodes().forEach((n) => void placed.set(n.id(), { ...n.position() }));
  const pos = placeNew([{ id, neighbours: [hub] }], placed).get(id) ?? h.position();
  cy.add([
    { group: 'nodes', data: { id, type: 'More', ...data, display: data.label }, classes: 'more', position: pos },
    { group: 'edges', data: { id: `${id}-edge`, source: hub, target: id, type: 'MORE' }, classes: 'more' },
  ]);
}

/** Elements of the picture proper: without the "+N more" helpers (exports, counts). */
export const realElements = (cy: Core) => cy.elements().not('.more');
