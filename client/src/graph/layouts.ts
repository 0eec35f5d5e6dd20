// Layouts run on the canvas: force-directed (fcose), the chain columns with tier headings,
// concentric (riskiest in the middle) and grid; and the incremental placement of what an expand
// adds, which never moves a node that is already on the canvas.
import type cytoscape from 'cytoscape';
import type { Collection, Core, NodeCollection, NodeSingular } from 'cytoscape';
import { chainLayout, COLUMN_WIDTH, ROW_HEIGHT, type ChainHeading } from './chain.js';
import { placeNew, type Point } from './placement.js';

export type LayoutName = 'force' | 'chain' | 'concentric' | 'grid';

/**
 * The force-directed layout for n nodes: fcose, in draft quality and without animation when big;
 * a grid only past 8,000 nodes (bench: fcose draft lays out 5,000 nodes in 1.3 s in Chromium).
 * `randomize: false` starts from where the nodes are, so re-running it keeps the picture's shape.
 */
export function forceLayout(
  n: number,
  name: 'fcose' | 'grid' = n > 8000 ? 'grid' : 'fcose',
  randomize = true,
): cytoscape.LayoutOptions {
  return {
    name,
    quality: n > 800 ? 'draft' : 'default',
    animate: false,
    randomize,
    nodeRepulsion: () => 6000,
    idealEdgeLength: () => 60,
    fit: true,
    padding: 30,
  } as cytoscape.LayoutOptions;
}

/** Runs a whole-picture layout. Pinned (locked) nodes stay where they are in every layout. */
export function runLayout(cy: Core, name: LayoutName, titles: Record<string, string> = {}): ChainHeading[] {
  const nodes = cy.nodes(':visible');
  if (name === 'chain') return runChain(cy, titles);
  if (name === 'force') cy.layout(forceLayout(nodes.length, undefined, !hasPositions(cy))).run();
  else if (name === 'concentric')
    nodes
      .layout({
        name: 'concentric',
        concentric: (n: NodeSingular) => Number(n.data('risk') ?? 0) * 10 + (n.data('type') === 'Account' ? 1 : 0),
        levelWidth: () => 2,
        minNodeSpacing: 18,
        fit: true,
        padding: 30,
        animate: false,
      } as cytoscape.LayoutOptions)
      .run();
  else nodes.layout({ name: 'grid', fit: true, padding: 30, avoidOverlap: true, condense: false }).run();
  return [];
}

/** A picture laid out before has spread positions; freshly added nodes all sit at (0, 0). */
function hasPositions(cy: Core): boolean {
  return cy
    .nodes()
    .toArray()
    .some((n) => n.position('x') !== 0 || n.position('y') !== 0);
}

export function runChain(cy: Core, titles: Record<string, string> = {}): ChainHeading[] {
  const nodes = cy
    .nodes()
    .map((n) => ({ id: n.id(), type: String(n.data('type')), risk: Number(n.data('risk') ?? 0) }));
  const box = cy.container();
  const { positions, headings } = chainLayout(nodes, Math.max(500, (box?.clientHeight ?? 0) - 60), titles);
  cy.layout({
    name: 'preset',
    positions: (n: NodeSingular) => positions[n.id()] ?? { x: 0, y: 0 },
    fit: true,
    padding: 40,
  } as cytoscape.LayoutOptions).run();
  return headings;
}

/**
 * Places only `added` nodes: in the chain, at the bottom of their type's column (or in a new
 * column at the right); otherwise on rings around their neighbour already on the canvas.
 * Every node that was there before keeps its position. Brings new nodes into view by panning,
 * without changing the zoom, when they fall outside it.
 */
export function placeIncrementally(cy: Core, added: Collection, layout: LayoutName): void {
  const fresh = added.nodes();
  if (!fresh.length) return;
  const before = cy.nodes().difference(fresh);
  if (!before.length) {
    runLayout(cy, layout === 'chain' ? 'chain' : 'force');
    return;
  }
  const positions = layout === 'chain' ? chainSlots(before, fresh) : ringSlots(before, fresh);
  cy.batch(() => fresh.forEach((n) => void n.position(positions.get(n.id()) ?? { x: 0, y: 0 })));
  const ext = cy.extent();
  const bb = fresh.boundingBox({});
  if (bb.x1 < ext.x1 || bb.x2 > ext.x2 || bb.y1 < ext.y1 || bb.y2 > ext.y2) {
    cy.animate({ center: { eles: fresh }, duration: 200 } as never);
  }
}

function ringSlots(before: NodeCollection, fresh: NodeCollection): Map<string, Point> {
  const placed = new Map<string, Point>();
  before.forEach((n: NodeSingular) => void placed.set(n.id(), { ...n.position() }));
  const list = fresh.map((n: NodeSingular) => ({ id: n.id(), neighbours: n.neighborhood('node').map((m) => m.id()) }));
  return placeNew(list, placed);
}

function chainSlots(before: NodeCollection, fresh: NodeCollection): Map<string, Point> {
  const out = new Map<string, Point>();
  const bottom = new Map<string, Point>();
  let right = -Infinity;
  before.forEach((n: NodeSingular) => {
    const p = n.position();
    right = Math.max(right, p.x);
    const type = String(n.data('type'));
    const b = bottom.get(type);
    if (!b || p.y > b.y || (p.y === b.y && p.x > b.x)) bottom.set(type, { ...p });
  });
  fresh.forEach((n: NodeSingular) => {
    const type = String(n.data('type'));
    let b = bottom.get(type);
    if (!b) {
      right += COLUMN_WIDTH;
      b = { x: right, y: -ROW_HEIGHT };
    }
    const p = { x: b.x, y: b.y + ROW_HEIGHT };
    bottom.set(type, p);
    out.set(n.id(), p);
  });
  return out;
}
