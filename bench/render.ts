// Render benchmark: time to add and lay out 1k, 5k, 10k and 20k elements in real headless Chromium
// (software rendering: --disable-gpu), this app's canvas against plain Cytoscape defaults (and the
// WebGL renderer), side by side in one page; then interaction: zoom and pan frame times (as fps),
// selecting a node, and an expand adding 100 nodes with incremental placement. Serves the built
// client from the real server. Writes bench/results/render.json.
//
//   npm run build:client && npx tsx bench/render.ts [--sizes 1000,5000,10000,20000] [--runs 3]
import { parseArgs } from 'node:util';
import type { RenderTiming as Timing } from '../client/src/dev/render-timing.js';
import { launchBrowser } from '../test/helpers/browser.js';
import { percentileOf, startBenchServer, writeResult } from './server.js';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '1000,5000,10000,20000' }, runs: { type: 'string', default: '3' } },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const variants = ['baseline', 'app', 'webgl'] as const;

const srv = await startBenchServer();
const browser = await launchBrowser();
const results: Record<string, unknown>[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(`${srv.url}/bench.html`);
  await page.waitForFunction('"benchRender" in (window.ringscope ?? {})');
  const webglOk = (await page.evaluate('!!document.createElement("canvas").getContext("webgl2")')) === true;
  for (const layout of ['fcose', 'grid'] as const) {
    for (const elements of sizes) {
      // The app lays out more than 8,000 nodes as a grid: fcose is not measured past 10k elements.
      if (layout === 'fcose' && elements > 10_000) continue;
      const byVariant: Record<string, Timing[]> = {};
      // Interleaved runs (baseline, app, webgl, baseline, …) so machine noise hits all alike.
      for (let r = 0; r < runs; r++) {
        for (const v of variants) {
          if (v === 'webgl' && !webglOk) continue;
          const t = await page.evaluate(
            ([n, variant, l]) =>
              (
                globalThis as unknown as {
                  ringscope: { benchRender(n: number, v: string, l: string): Promise<Timing> };
                }
              ).ringscope.benchRender(n, variant, l),
            [elements, v, layout] as const,
          );
          (byVariant[v] ??= []).push(t);
        }
      }
      for (const [variant, ts] of Object.entries(byVariant)) {
        // The median of each timing, in the order the page reports them.
        const medians = Object.fromEntries(
          (Object.keys(ts[0]!) as (keyof Timing)[]).map((k) => [k, percentileOf(ts, 50, (t) => t[k])]),
        ) as unknown as Timing;
        const row = {
          layout,
          elements,
          variant,
          runs: ts.length,
          ...medians,
          zoomFps: Math.round(1000 / Math.max(1, medians.zoomFrameMs)),
          panFps: Math.round(1000 / Math.max(1, medians.panFrameMs)),
        };
        results.push(row);
        console.error(JSON.stringify(row));
      }
    }
  }
  writeResult('render', {
    browser: `Chromium ${browser.version()} headless, --disable-gpu`,
    webgl2Available: webglOk,
    viewport: '1500x950',
    results,
  });
} finally {
  await browser.close();
  await srv.close();
}
