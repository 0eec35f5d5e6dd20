// `npm run soak`: a bounded soak of the real server over loopback. Starts `ringscope serve --demo`
// as a child process (demo data on an empty database), then for SOAK_SECONDS (default 120) runs
// SOAK_CLIENTS (default 32) clients mixing expand, search, ring, saved queries and trace, plus one
// abusive client sending the heaviest request the cost budget allows, back to back. Reports
// requests, errors and p50/p95/p99 for the normal clients, what happened to the abusive one,
// /health latency during the run, and the server's memory before, right after and 20 s after.
// Loopback only: the server is started on 127.0.0.1 and the clients talk to nothing else.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { percentile, percentileOf, writeResult } from './server.js';

const root = path.resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.SOAK_SECONDS ?? 120);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 32);
const PORT = process.env.PORT ?? '4104';
const base = `http://127.0.0.1:${PORT}`;

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

interface Reply {
  ok: boolean;
  ms: number;
  code?: string;
}

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<Reply & { data?: any }> {
  const t = performance.now();
  try {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
    const ms = performance.now() - t;
    const code = body.errors?.[0]?.extensions?.code;
    return {
      ok: res.status === 200 && !body.errors,
      ms,
      code: code ?? (res.status === 200 ? undefined : `HTTP ${res.status}`),
      data: body.data,
    };
  } catch (e) {
    return { ok: false, ms: performance.now() - t, code: (e as Error).message };
  }
}

const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;

async function main() {
  const env = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT,
    RINGSCOPE_BOLT_PORT: process.env.RINGSCOPE_BOLT_PORT ?? '7704',
    RINGSCOPE_DATA_DIR: process.env.RINGSCOPE_DATA_DIR ?? '.data/soak',
    RINGSCOPE_HEAP: process.env.RINGSCOPE_HEAP ?? '1g',
    RINGSCOPE_PAGECACHE: process.env.RINGSCOPE_PAGECACHE ?? '512m',
    RINGSCOPE_LOG_LEVEL: 'warn',
  };
  console.error(`soak: starting the server on ${base} (demo data on first run)…`);
  const server = spawn(process.execPath, [path.join(root, 'bin/ringscope.mjs'), 'serve', '--demo'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('ringscope ready')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
  });
  const stop = () =>
    new Promise<void>((r) => {
      server.once('exit', () => r());
      server.kill('SIGTERM');
    });
  try {
    // Ids to ask about: rings and their members.
    const rings = (await gql('{ rings(first: 100, minScore: 0) { nodes { id } } }')).data?.rings.nodes.map(
      (r: { id: string }) => r.id,
    ) as string[];
    const accounts: string[] = [];
    for (const id of rings.slice(0, 30)) {
      const r = await gql('query($id: ID!) { ring(id: $id) { members { id } } }', { id });
      accounts.push(...(r.data?.ring?.members ?? []).map((m: { id: string }) => m.id));
    }
    if (!accounts.length) throw new Error('no rings in the soak database: nothing to ask about');
    const keys = accounts.map((a) => a.slice('Account:'.length));

    const ops: [string, () => Promise<Reply>][] = [
      [
        'expand',
        () =>
          gql(
            'query($ids: [ID!]!) { expand(ids: $ids, depth: 1, limit: 400) { nodes { id } edges { id } truncated } }',
            { ids: [pick(accounts), pick(accounts)] },
          ),
      ],
      [
        'expand2',
        () =>
          gql('query($ids: [ID!]!) { expand(ids: $ids, depth: 2, limit: 400) { nodes { id } truncated } }', {
            ids: [pick(accounts)],
          }),
      ],
      [
        'search',
        () => gql('query($t: String!) { search(text: $t, first: 20) { id label } }', { t: pick(keys).slice(0, 4) }),
      ],
      [
        'ring',
        () =>
          gql(
            'query($id: ID!) { ring(id: $id) { id score members { id } graph { nodes { id } } timeline { time } } }',
            { id: pick(rings) },
          ),
      ],
      [
        'savedQuery',
        () =>
          gql(
            'query($p: JSON) { runSavedQuery(name: "shared-device-accounts", params: $p) { columns rows truncated } }',
            { p: { accountId: pick(keys) } },
          ),
      ],
      [
        'trace',
        () =>
          gql('query($id: ID!) { trace(id: $id) { root events { time } graph { nodes { id } } } }', {
            id: pick(accounts),
          }),
      ],
    ];
    const heaviest = `query($ids: [ID!]!) { ${Array.from({ length: 6 }, (_, i) => `e${i}: expand(ids: $ids, depth: 3, limit: 5000) { nodes { id } truncated }`).join(' ')} }`;

    await new Promise((r) => setTimeout(r, 5_000));
    const before = rssMb(server.pid!);
    console.error(`soak: ${CLIENTS} clients + 1 abusive for ${SECONDS} s; server RSS ${before} MB`);

    const deadline = Date.now() + SECONDS * 1000;
    const normal: (Reply & { op: string })[] = [];
    const abusive: Reply[] = [];
    const health: number[] = [];
    const client = async () => {
      while (Date.now() < deadline) {
        const [op, run] = pick(ops);
        normal.push({ op, ...(await run()) });
      }
    };
    const abuser = async () => {
      while (Date.now() < deadline) abusive.push(await gql(heaviest, { ids: [pick(accounts)] }));
    };
    const prober = async () => {
      while (Date.now() < deadline) {
        const t = performance.now();
        await fetch(`${base}/health`).then((r) => r.arrayBuffer());
        health.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid!))), 1000);
    await Promise.all([...Array.from({ length: CLIENTS }, client), abuser(), prober()]);
    clearInterval(sampler);
    const after = rssMb(server.pid!);
    await new Promise((r) => setTimeout(r, 20_000));
    const settled = rssMb(server.pid!);

    const failed = normal.filter((r) => !r.ok);
    const msAt = (rs: Reply[], p: number) => percentileOf(rs, p, (r) => r.ms);
    const byOp = Object.fromEntries(
      ops.map(([op]) => {
        const rs = normal.filter((r) => r.op === op);
        return [
          op,
          {
            requests: rs.length,
            errors: rs.filter((r) => !r.ok).length,
            p95Ms: msAt(rs, 95),
          },
        ];
      }),
    );
    const codes = (rs: Reply[]) =>
      rs.reduce<Record<string, number>>((acc, r) => {
        const k = r.ok ? 'ok' : (r.code ?? 'error');
        acc[k] = (acc[k] ?? 0) + 1;
        return acc;
      }, {});
    const result = {
      seconds: SECONDS,
      clients: CLIENTS,
      normal: {
        requests: normal.length,
        errors: failed.length,
        errorCodes: codes(failed),
        p50Ms: msAt(normal, 50),
        p95Ms: msAt(normal, 95),
        p99Ms: msAt(normal, 99),
        byOp,
      },
      abusive: {
        requests: abusive.length,
        outcomes: codes(abusive),
        p95Ms: msAt(abusive, 95),
      },
      health: { checks: health.length, p95Ms: percentile(health, 95), maxMs: Math.round(Math.max(...health)) },
      serverRssMb: { before, peak, after, after20s: settled },
    };
    console.log(JSON.stringify(result, null, 2));
    writeResult('soak', result);
    if (failed.length) process.exitCode = 1;
  } finally {
    await stop();
  }
}

await main();
