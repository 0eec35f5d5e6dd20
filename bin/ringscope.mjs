#!/usr/bin/env node
// Entry point of the `ringscope` command: runs the TypeScript CLI through tsx's loader.
import v8 from 'node:v8';
import { register } from 'tsx/esm/api';

// Detection and ingest build large structures that live for one step. By default V8 lets the heap
// grow to up to ~4x what survived the last full collection before collecting again, so detection at
// 1M accounts peaked at 2.1-2.6 GB RSS for about 1.2 GB of live data. Growing it by 25% at a time
// keeps the peak near the live set (1M: 1.5 GB; 100k: see bench/README.md) at a cost within the
// noise of the run time (more, smaller collections; 10% cost ~10% more time in the risk step).
v8.setFlagsFromString('--heap-growing-percent=25');
register();
const { main } = await import('../server/src/cli/main.ts');
await main(process.argv);
