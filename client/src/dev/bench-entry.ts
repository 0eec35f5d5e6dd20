// Dev-only entry (client/bench.html, used by bench/render.ts): the app plus a hook that times
// adding and laying out N synthetic elements in this app's setup against plain Cytoscape defaults.
// The app's own page (index.html) does not load it.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import '../main.js';
import { forceLayout, placeIncrementally } from '../graph/layouts.js';
import { stylesheet, TYPE_STYLE } from '../graph/style.js';
import type { RenderTiming } from './render-timing.js';

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

function syntheticElements(elements: number): ElementDefinition[] {
  const nodes = Math.ceil(elements / 2);
  const els: ElementDefinition[] = [];
  const types = Object.keys(TYPE_STYLE);
  for (let i = 0; i < nodes; i++) {
    const type = types[i % types.length]!;
    const s = TYPE_STYLE[type]!;
    els.push({
      group: 'nodes',
      data: {
        id: `n${i}`,
        label: `${type} ${i}`,
        display: `${type} ${i}`,
        type,
        color: s.color,
        shape: s.shape,
        risk: (i % 10) / 10,
        tags: [],
      },
    });
  }
  // A forest of small stars joined in a chain: shaped like expanded rings, one component.
  for (let i = 1; i < elements - nodes + 1 && i < nodes; i++) {
    const parent = i % 12 === 0 ? i - 12 : i - (i % 12);
    els.push({
      group: 'edges',
      data: { id: `e${i}`, source: `n${i}`, target: `n${parent}`, type: 'USED_IP', count: 1 + (i % 5) },
    });
  }
  return els;
}

async function timeRender(target: Core, elements: number, layout: 'fcose' | 'grid'): Promise<RenderTiming> {
  const els = syntheticElements(elements);
  await nextFrame();
  const t0 = performance.now();
  target.batch(() => {
    target.elements().remove();
    target.add(els);
  });
  const t1 = performance.now();
  await new Promise<void>((resolve) => {
    const l = target.layout(forceLayout(target.nodes().length, layout));
    l.one('layoutstop', () => resolve());
    l.run();
  });
  const t2 = performance.now();
  await nextFrame();
  await nextFrame();
  const t3 = performance.now();
  const z0 = performance.now();
  const center = { x: target.width() / 2, y: target.height() / 2 };
  for (let i = 0; i < 20; i++) {
    target.zoom({ level: target.zoom() * (i % 2 ? 1 / 1.15 : 1.15), renderedPosition: center });
    await nextFrame();
  }
  const zoomFrameMs = (performance.now() - z0) / 20;
  const p0 = performance.now();
  for (let i = 0; i < 30; i++) {
    target.panBy({ x: i % 10 < 5 ? 12 : -12, y: 6 });
    await nextFrame();
  }
  const panFrameMs = (performance.now() - p0) / 30;
  const s0 = performance.now();
  target.nodes()[0]!.select();
  await nextFrame();
  const selectMs = performance.now() - s0;
  const e0 = performance.now();
  const anchor = target.nodes()[1]!.id();
  const added = target.add(
    Array.from({ length: 100 }, (_, i) => [
      {
        group: 'nodes' as const,
        data: {
          id: `x${i}`,
          label: `new ${i}`,
          display: `new ${i}`,
          type: 'Account',
          color: '#3b6fd8',
          shape: 'ellipse',
          risk: 0,
          tags: [],
        },
      },
      { group: 'edges' as const, data: { id: `xe${i}`, source: anchor, target: `x${i}`, type: 'USED_IP', count: 1 } },
    ]).flat(),
  );
  placeIncrementally(target, added, 'force');
  await nextFrame();
  const expandMs = performance.now() - e0;
  return {
    addMs: t1 - t0,
    layoutMs: t2 - t1,
    firstFrameMs: t3 - t2,
    totalMs: t3 - t0,
    zoomFrameMs,
    panFrameMs,
    selectMs,
    expandMs,
  };
}

const hook = (window as unknown as { ringscope: { cy: Core; benchRender?: unknown } }).ringscope;
/**
 * 'app': this app's canvas (its style and renderer options); 'webgl': the same with Cytoscape's
 * WebGL renderer; 'baseline': a plain Cytoscape with default options and a label on every node.
 */
hook.benchRender = async (elements: number, variant: 'app' | 'webgl' | 'baseline', layout: 'fcose' | 'grid') => {
  const cy = hook.cy;
  if (variant === 'app') {
    const timing = await timeRender(cy, elements, layout);
    cy.elements().remove();
    return timing;
  }
  const container = cy.container()!;
  const box = document.createElement('div');
  box.style.cssText = `position:fixed;left:0;top:0;width:${container.clientWidth}px;height:${container.clientHeight}px;background:#fff;z-index:50`;
  document.body.append(box);
  const other =
    variant === 'webgl'
      ? cytoscape({
          container: box,
          style: stylesheet,
          textureOnViewport: true,
          hideEdgesOnViewport: true,
          renderer: { name: 'canvas', webgl: true },
        } as cytoscape.CytoscapeOptions)
      : cytoscape({
          container: box,
          style: [
            { selector: 'node', style: { label: 'data(label)', 'background-color': 'data(color)' } },
            { selector: 'edge', style: { width: 1 } },
          ],
        });
  try {
    return await timeRender(other, elements, layout);
  } finally {
    other.destroy();
    box.remove();
  }
};
