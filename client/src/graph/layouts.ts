// Layouts run on the canvas: force-directed (fcose) and the chain columns.
import type cytoscape from 'cytoscape';
import type { Core, NodeSingular } from 'cytoscape';
import { chainPositions } from './chain.js';

/**
 * The force-directed layout for n nodes: fcose, in draft quality and without animation when big;
 * a grid only past 8,000 nodes (bench: fcose draft lays out 5,000 nodes in 1.3 s in Chromium).
 */
export function forceLayout(n: number, name: 'fcose' | 'grid' = n > 8000 ? 'grid' : 'fcose'): cytoscape.LayoutOptions {
  return {
    name,
    quality: n > 800 ? 'draft' : 'default',
    animate: n < 300,
    randomize: true,
    nodeRepulsion: () => 6000,
    idealEdgeLength: () => 60,
    fit: true,
    padding: 30,
  } as cytoscape.LayoutOptions;
}

export function runForce(cy: Core): void {
  cy.layout(forceLayout(cy.nodes(':visible').length)).run();
}

export function runChain(cy: Core): void {
  const nodes = cy
    .nodes()
    .map((n) => ({ id: n.id(), type: String(n.data('type')), tags: (n.data('tags') as string[]) ?? [] }));
  const box = cy.container();
  const pos = chainPositions(nodes, Math.max(800, box?.clientWidth ?? 0), Math.max(500, box?.clientHeight ?? 0));
  cy.layout({
    name: 'preset',
    positions: (n: NodeSingular) => pos[n.id()] ?? { x: 0, y: 0 },
    fit: true,
    padding: 30,
  } as cytoscape.LayoutOptions).run();
}
