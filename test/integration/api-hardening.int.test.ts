// The API under abuse, over real HTTP against the real database: costly operations refused whole,
// heavy requests queued per role so /health and normal queries still answer, bad bodies and
// foreign Host headers answered as JSON errors, security headers, cursors, every listed ring
// opens, and a shutdown that lets requests in flight finish.
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { loadDataset } from '../helpers/dataset.js';
import { openTestDb, testConfig, wipe } from '../helpers/neo4j.js';
import { startServer, type RunningServer } from '../helpers/server.js';

let db: Database;
let server: RunningServer;
let accounts: string[] = [];
beforeAll(async () => {
  // A generous timeout for loading: the machine running the tests may be busy.
  db = await openTestDb(testConfig({ RINGSCOPE_QUERY_TIMEOUT_MS: '180000' }));
  await wipe(db);
  await loadDataset(db, 800, 13);
  server = await startServer(testConfig(), db);
  const r = await gql('{ rings(first: 20) { nodes { id } } }');
  for (const ring of r.body.data!.rings.nodes as { id: string }[]) {
    const m = await gql('query($id: ID!) { ring(id: $id) { members { id } } }', { id: ring.id });
    accounts.push(...(m.body.data!.ring?.members ?? []).map((x: { id: string }) => x.id));
  }
  accounts = [...new Set(accounts)];
});
afterAll(async () => {
  await server?.close();
  await wipe(db);
  await db.close();
});

interface GqlBody {
  data?: Record<string, any>;
  errors?: { message: string; extensions: { code: string } }[];
}

async function gql(query: string, variables: Record<string, unknown> = {}, url = server.url) {
  const started = Date.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GqlBody, ms: Date.now() - started };
}

/** A raw request whose answer is kept as bytes (to see what came over the wire, compressed or not). */
function rawBytes(path: string, headers: Record<string, string>, body: string) {
  const u = new URL(server.url);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path, method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A raw request, for headers fetch will not let a page set (Host). */
function raw(path: string, headers: Record<string, string>, body?: string) {
  const u = new URL(server.url);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, path, method: body === undefined ? 'GET' : 'POST', headers },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const heavyExpand = (n: number) =>
  `query($ids: [ID!]!) { ${Array.from({ length: n }, (_, i) => `e${i}: expand(ids: $ids, depth: 3, limit: 5000) { nodes { id } truncated }`).join(' ')} }`;

describe('cost model', () => {
  it('refuses 20 aliases of expand(depth: 3, limit: 5000) at once, with QUERY_TOO_COSTLY', async () => {
    const r = await gql(heavyExpand(20), { ids: [accounts[0]] });
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors?.[0]?.extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(r.body.errors?.[0]?.message).toMatch(/limit per request is 100000/);
    expect(r.ms).toBeLessThan(2_000);
  });

  it('counts ids given through variables: one expand of 200 ids at depth 3 is refused', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => accounts[i % accounts.length]);
    const r = await gql('query($ids: [ID!]!) { expand(ids: $ids, depth: 3, limit: 5000) { truncated } }', { ids });
    expect(r.body.errors?.[0]?.extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('answers a document of 40 nested fragments each spread twice at once (no 2^n walk)', async () => {
    const frags = Array.from({ length: 40 }, (_, i) =>
      i < 39 ? `fragment F${i} on GraphNode { id ...F${i + 1} ...F${i + 1} }` : `fragment F39 on GraphNode { id }`,
    );
    const q = `{ search(text: "u", first: 1) { id } expand(ids: ["${accounts[0]}"]) { nodes { ...F0 } } } ${frags.join(' ')}`;
    const r = await gql(q);
    expect(r.ms).toBeLessThan(2_000);
    expect(r.body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors?.[0]?.message).toMatch(/fields; the limit is 300/);
  });

  it('lets one heavy expand through', async () => {
    const r = await gql(heavyExpand(1), { ids: [accounts[0]] });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.e0.nodes.length).toBeGreaterThan(1);
  });

  it('keeps /health and a normal query answering while heavy requests run in parallel', async () => {
    const heavy = Array.from({ length: 4 }, (_, i) => gql(heavyExpand(2), { ids: [accounts[i + 1]] }));
    await new Promise((r) => setTimeout(r, 300));
    const h0 = Date.now();
    const health = await fetch(`${server.url}/health`);
    const healthMs = Date.now() - h0;
    const normal = await gql('{ rings(first: 5) { totalCount nodes { id score } } }');
    const heavyDone = await Promise.all(heavy);
    expect(health.status).toBe(200);
    expect(healthMs).toBeLessThan(1_000);
    expect(normal.body.errors).toBeUndefined();
    expect(normal.ms).toBeLessThan(3_000);
    // The heavy ones were queued, not failed: each got its data or a clear SERVER_BUSY.
    for (const h of heavyDone) {
      if (h.body.errors) expect(h.body.errors.map((e) => e.extensions.code)).toContain('SERVER_BUSY');
      else expect(h.body.data!.e0.nodes.length).toBeGreaterThan(0);
    }
  });
});

describe('bad requests', () => {
  const noLeak = (text: string) => {
    expect(text).not.toMatch(/<html|<pre|at \w+ \(|\/work\/|node_modules/i);
  };

  it('answers a body that is not JSON with BAD_REQUEST as JSON', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ me { role } ',
    });
    const text = await res.text();
    expect(res.status).toBe(400);
    noLeak(text);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('answers a non-JSON content type with 415 and an over-size body with 413, as JSON', async () => {
    const plain = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{ me { role } }',
    });
    const plainText = await plain.text();
    expect(plain.status).toBe(415);
    noLeak(plainText);
    expect(JSON.parse(plainText).errors[0].extensions.code).toBe('BAD_REQUEST');
    const big = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { role } } # ${'x'.repeat(2_000_000)}` }),
    });
    const bigText = await big.text();
    expect(big.status).toBe(413);
    noLeak(bigText);
    expect(JSON.parse(bigText).errors[0].message).toMatch(/larger than the limit/);
  });

  it('refuses a foreign Host header on the no-token loopback (DNS rebinding) and serves localhost', async () => {
    const evil = await raw(
      '/graphql',
      { host: 'attacker.example', 'content-type': 'application/json' },
      '{"query":"{ me { role } }"}',
    );
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.text).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(evil.text).not.toContain('admin');
    const port = new URL(server.url).port;
    const ok = await raw(
      '/graphql',
      { host: `localhost:${port}`, 'content-type': 'application/json' },
      '{"query":"{ me { role } }"}',
    );
    expect(JSON.parse(ok.text).data.me.role).toBe('admin');
  });

  it('sends CSP, X-Frame-Options and nosniff with the page', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('rings', () => {
  const q = 'query($after: String) { rings(first: 1, after: $after) { nodes { id } endCursor } }';

  it('refuses a cursor it did not hand out, small or huge, with BAD_USER_INPUT', async () => {
    for (const after of ['!!!', Buffer.from('99999999999999999999').toString('base64url'), 'LTE']) {
      const r = await gql(q, { after });
      expect(r.body.errors?.[0]?.extensions.code, after).toBe('BAD_USER_INPUT');
      expect(r.body.errors?.[0]?.message).toMatch(/not a cursor returned by this API/);
    }
    const first = await gql(q);
    const next = await gql(q, { after: first.body.data!.rings.endCursor });
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data!.rings.nodes[0].id).not.toBe(first.body.data!.rings.nodes[0].id);
  });

  it('opens every ring it lists', async () => {
    const all = await gql(
      '{ rings(first: 200, minScore: 0, minSize: 1) { totalCount nodes { id reasons { code } } } }',
    );
    const rings = all.body.data!.rings.nodes as { id: string }[];
    expect(rings.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const ring of rings) {
      const r = await gql('query($id: ID!) { ring(id: $id) { id members { id } } }', { id: ring.id });
      if (!r.body.data?.ring || r.body.data.ring.members.length === 0) missing.push(ring.id);
    }
    expect(missing).toEqual([]);
  });
});

describe('compression', () => {
  it('sends a ring graph gzipped to a client that accepts it, and the same JSON', async () => {
    const ring = (await gql('{ rings(first: 1) { nodes { id } } }')).body.data!.rings.nodes[0].id as string;
    const body = JSON.stringify({
      query: 'query($id: ID!) { ring(id: $id) { graph { nodes { id label type } edges { id source target type } } } }',
      variables: { id: ring },
    });
    const headers = { host: new URL(server.url).host, 'content-type': 'application/json' };
    const plain = await raw('/graphql', headers, body);
    const zipped = await rawBytes('/graphql', { ...headers, 'accept-encoding': 'gzip' }, body);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.bytes.length).toBeLessThan(Buffer.byteLength(plain.text) / 3);
    expect(JSON.parse(gunzipSync(zipped.bytes).toString())).toEqual(JSON.parse(plain.text));
  });
});

describe('shutdown', () => {
  it('lets 16 requests in flight finish, then refuses new connections', async () => {
    const s = await startServer(testConfig(), db);
    let received = 0;
    s.server.on('request', () => received++);
    const inFlight = Array.from({ length: 16 }, (_, i) =>
      gql(
        'query($ids: [ID!]!) { expand(ids: $ids, depth: 2, limit: 2000) { nodes { id } } }',
        { ids: [accounts[i % accounts.length]] },
        s.url,
      ),
    );
    while (received < 16) await new Promise((r) => setTimeout(r, 10));
    const closing = s.close();
    const done = await Promise.all(inFlight);
    await closing;
    expect(done.map((d) => d.status)).toEqual(Array(16).fill(200));
    for (const d of done) expect(d.body.errors).toBeUndefined();
    await expect(fetch(`${s.url}/health`)).rejects.toThrow();
  });
});

describe('token mode', () => {
  const INVESTIGATOR = 'Zq8-Wm3-Lp5-Xv7-Rt2-Kd9';
  let secured: RunningServer;
  beforeAll(async () => {
    secured = await startServer(
      testConfig({ RINGSCOPE_TOKENS: `${INVESTIGATOR}:investigator,viewer-token-3b9e0d51aa:viewer` }),
      db,
    );
  });
  afterAll(() => secured?.close());

  const call = async (query: string, token?: string) => {
    const res = await fetch(`${secured.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, body: (await res.json()) as GqlBody };
  };

  it('answers a token that is not valid with 401 UNAUTHENTICATED, not 500', async () => {
    for (const token of ['wrong-token-xxxxxxxxxxxx', `${INVESTIGATOR}x`, INVESTIGATOR.slice(0, -1)]) {
      const r = await call('{ me { role } }', token);
      expect(r.status).toBe(401);
      expect(r.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    }
    expect((await call('{ me { role } }', INVESTIGATOR)).body.data!.me.role).toBe('investigator');
  });

  it('keeps no part of the token in the audit trail: the flag is signed with role and a digest id', async () => {
    const r = await call(
      `mutation { flagEntity(id: "${accounts[0]}", tag: "token-audit", note: "checked") { flags { tag by } } }`,
      INVESTIGATOR,
    );
    const flag = (r.body.data!.flagEntity.flags as { tag: string; by: string }[]).find((f) => f.tag === 'token-audit')!;
    expect(flag.by).toMatch(/^investigator#[0-9a-f]{8}$/);
    for (let i = 0; i + 4 <= INVESTIGATOR.length; i++) expect(flag.by).not.toContain(INVESTIGATOR.slice(i, i + 4));
  });

  it('shows /health details and introspection only to a caller with a valid token', async () => {
    const open = (await (await fetch(`${secured.url}/health`)).json()) as Record<string, unknown>;
    expect(open).toEqual({ status: 'ok' });
    const signed = (await (
      await fetch(`${secured.url}/health`, { headers: { authorization: `Bearer ${INVESTIGATOR}` } })
    ).json()) as { neo4j: { version: string } };
    expect(signed.neo4j.version).toMatch(/^5\./);
    const anonymous = await call('{ __schema { queryType { name } } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(anonymous.body.data).toBeUndefined();
    const allowed = await call('{ __schema { queryType { name } } }', INVESTIGATOR);
    expect(allowed.body.data!.__schema.queryType.name).toBe('Query');
  });

  it('does not check the Host header when tokens guard the server', async () => {
    const u = new URL(secured.url);
    const r = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: u.hostname,
          port: u.port,
          path: '/graphql',
          method: 'POST',
          headers: {
            host: 'ringscope.example',
            'content-type': 'application/json',
            authorization: `Bearer ${INVESTIGATOR}`,
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.on('error', reject);
      req.end('{"query":"{ me { role } }"}');
    });
    expect(r).toBe(200);
  });
});
