#!/usr/bin/env node
// Entry point of the `ringscope` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/src/cli/main.ts');
await main(process.argv);
