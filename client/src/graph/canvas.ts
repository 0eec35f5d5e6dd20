// Creates the Cytoscape canvas with this app's stylesheet and renderer options.
import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { stylesheet } from './style.js';

cytoscape.use(fcose);

export function createCanvas(container: HTMLElement): Core {
  const cy = cytoscape({
    container,
    style: stylesheet,
    wheelSensitivity: 0.3,
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    minZoom: 0.05,
    maxZoom: 4,
  });
  // A fit on a handful of nodes would zoom to 4× and blow labels up: small pictures stay at 1.5×.
  cy.on('layoutstop', () => {
    if (cy.zoom() > 1.5) {
      cy.zoom(1.5);
      cy.center();
    }
  });
  return cy;
}
