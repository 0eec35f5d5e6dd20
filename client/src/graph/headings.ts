// Tier headings of the chain view, drawn over the canvas at the tiers' model coordinates and
// following pan and zoom (a layer over the canvas, not nodes: they are not part of the graph, so
// exports, counts and selections never see them).
import type { Core } from 'cytoscape';
import type { ChainHeading } from './chain.js';

export class TierHeadings {
  private headings: ChainHeading[] = [];

  constructor(
    private readonly cy: Core,
    private readonly layer: HTMLElement,
  ) {
    cy.on('viewport resize', () => this.draw());
  }

  show(headings: ChainHeading[]): void {
    this.headings = headings;
    this.layer.replaceChildren(
      ...headings.map((h) => {
        const el = document.createElement('div');
        el.className = 'tier-heading';
        el.dataset.tier = h.tier;
        el.textContent = h.title;
        return el;
      }),
    );
    this.draw();
  }

  clear(): void {
    this.show([]);
  }

  get shown(): readonly ChainHeading[] {
    return this.headings;
  }

  private draw(): void {
    if (!this.headings.length) return;
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    this.headings.forEach((h, i) => {
      const el = this.layer.children[i] as HTMLElement | undefined;
      if (!el) return;
      el.style.left = `${h.x0 * zoom + pan.x}px`;
      el.style.width = `${Math.max(40, (h.x1 - h.x0) * zoom)}px`;
      // Sticky: a heading scrolled above the canvas stays at its top edge.
      el.style.top = `${Math.max(2, h.y * zoom + pan.y - 12)}px`;
    });
  }
}
