// `npm run bench`: every benchmark in one go, then bench/README.md from the results.
//   ingest   this ingest vs the first design, 20k accounts, alternating runs   → results/ingest.json
//   detect   generate + ingest + detect + evaluate at 20k for seeds 7, 11, 23, 42 → results/detect-20000-seed-*.json
//   scale    the same at 100k, left running for the next two                  → results/scale-100000.json
//   api      expand / ring latency on the 100k database vs plain Cypher        → results/api.json
//   render   1k/5k/10k elements in headless Chromium vs plain Cytoscape        → results/render.json
// `npm run bench -- --only api,render` runs some of them; `--accounts 1000000` sets the scale size.
// Each part runs as its own process on its own embedded Neo4j (Bolt ports 7688-7690).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { only: { type: 'string' }, accounts: { type: 'string', default: '100000' } },
});
const parts = values.only?.split(',') ?? ['ingest', 'detect', 'scale', 'api', 'render'];
const root = path.resolve(import.meta.dirname, '..');
const scaleName = `scale-${values.accounts}`;
const scaleEnv = {
  ...process.env,
  RINGSCOPE_DATA_DIR: path.join(root, '.data', `bench-${scaleName}`),
  RINGSCOPE_BOLT_PORT: '7688',
};
const tsx = (script: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', script), ...args], {
    env,
    stdio: 'inherit',
    cwd: root,
  });

if (parts.includes('ingest')) tsx('ingest.ts', []);
if (parts.includes('detect')) {
  for (const seed of ['7', '11', '23', '42']) {
    tsx('scale.ts', ['--accounts', '20000', '--seed', seed, '--port', '7689', '--name', `detect-20000-seed-${seed}`]);
  }
}
const needScaleDb = parts.includes('api') || parts.includes('render');
if (parts.includes('scale'))
  tsx('scale.ts', ['--accounts', values.accounts, '--port', '7688', ...(needScaleDb ? ['--keep'] : [])]);
try {
  if (parts.includes('api')) tsx('api.ts', [], scaleEnv);
  if (parts.includes('render')) {
    execFileSync('npm', ['run', 'build:client'], { stdio: 'inherit', cwd: root });
    tsx('render.ts', [], scaleEnv);
  }
} finally {
  if (needScaleDb)
    execFileSync(process.execPath, [path.join(root, 'bin', 'ringscope.mjs'), 'db', 'stop'], {
      env: scaleEnv,
      stdio: 'inherit',
    });
}
tsx('report.ts', []);
