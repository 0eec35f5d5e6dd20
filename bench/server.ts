// The real ringscope server, in process, on a free port, against the configured database (the
// embedded default or NEO4J_URI): what the API and render benchmarks talk to.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/src/config.js';
import { openDatabase, type OpenDatabase } from '../server/src/db/connect.js';
import { startServer } from '../server/src/http/start-server.js';

export interface BenchServer {
  url: string;
  open: OpenDatabase;
  close(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  const config = loadConfig({ ...process.env, PORT: '0' });
  const open = await openDatabase(config);
  const running = await startServer(config, open.db);
  return {
    url: running.url,
    open,
    close: async () => {
      await running.close();
      await open.close();
    },
  };
}

export function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return 0;
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10;
}

/** The p-th percentile of one number taken from each sample. */
export function percentileOf<T>(samples: T[], p: number, value: (sample: T) => number): number {
  return percentile(samples.map(value), p);
}

/** Writes bench/results/<name>.json with the machine and date added. */
export function writeResult(name: string, result: Record<string, unknown>): void {
  const out = path.resolve(import.meta.dirname, 'results', `${name}.json`);
  fs.writeFileSync(
    out,
    JSON.stringify({ machine: machine(), ...result, date: new Date().toISOString() }, null, 2) + '\n',
  );
  console.error(`wrote ${out}`);
}
