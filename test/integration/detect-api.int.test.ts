// Detection quality on generated data and the GraphQL API over real HTTP, on the same database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { detectRings } from '../../server/src/workflow/detection-run.js';
import { evaluate } from '../../server/src/detect/evaluate.js';
import { FLAG_THRESHOLD } from '../../server/src/model/thresholds.js';
import { loadDataset, type Dataset } from '../helpers/dataset.js';
import { openTestDb, testConfig, wipe } from '../helpers/neo4j.js';
import { startServer, type RunningServer } from '../helpers/server.js';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { CypherCatalog } from '../../server/src/db/cypher-catalog.js';
import { Database as Db } from '../../server/src/db/database.js';
import { mountGraphql } from '../../server/src/graphql/mount.js';

let db: Database;
let data: Dataset;
let server: RunningServer;
let secured: RunningServer;
beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
  data = await loadDataset(db, 2500, 21);
  server = await startServer(testConfig(), db);
  secured = await startServer(
    testConfig({ RINGSCOPE_TOKENS: 'viewer-token-0123456789:viewer,analyst-token-0123456789:analyst' }),
    db,
  );
});
afterAll(async () => {
  await server?.close();
  await secured?.close();
  await wipe(db);
  await db.close();
});

async function gql(
  query: string,
  variables: Record<string, unknown> = {},
  opts: { url?: string; token?: string } = {},
) {
  const res = await fetch(`${opts.url ?? server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as {
    data?: Record<string, any>;
    errors?: { message: string; extensions: { code: string } }[];
  };
}

describe('detection', () => {
  it('finds the planted rings with high precision and recall and flags no legit crowd', async () => {
    const e = await evaluate(db, {
      truthFile: path.join(data.dir, 'truth.json'),
      labels: false,
      flagScore: FLAG_THRESHOLD,
    });
    expect(e.truth!.members.precision).toBeGreaterThanOrEqual(0.95);
    expect(e.truth!.members.recall).toBeGreaterThanOrEqual(0.9);
    for (const [scenario, s] of Object.entries(e.truth!.byScenario)) expect(s.found, scenario).toBeGreaterThan(0);
    expect(e.truth!.legitGroupsFlagged).toEqual({});
  });

  it('keeps ring ids stable when run again on the same data', async () => {
    const before = (await db.read('detect/rings-with-members')).map((r) => r.id).sort();
    await detectRings(db);
    const after = (await db.read('detect/rings-with-members')).map((r) => r.id).sort();
    expect(after).toEqual(before);
  });
});

describe('GraphQL API', () => {
  it('pages rings by cursor and opens one with members, chain and reasons', async () => {
    const p1 = await gql(
      '{ rings(first: 2, minScore: 0.5) { totalCount endCursor hasNextPage nodes { id score size reasons { code detail } } } }',
    );
    const r = p1.data!.rings;
    expect(r.nodes).toHaveLength(2);
    expect(r.hasNextPage).toBe(true);
    const p2 = await gql('query($a: String) { rings(first: 2, minScore: 0.5, after: $a) { nodes { id } } }', {
      a: r.endCursor,
    });
    expect(p2.data!.rings.nodes[0].id).not.toBe(r.nodes[0].id);
    const ring = await gql(
      'query($id: ID!) { ring(id: $id) { id size members { id } graph { nodes { id } edges { source target } } chain { tier entities { id } } timeline { time } reasons { code } } }',
      { id: r.nodes[0].id },
    );
    expect(ring.data!.ring.members).toHaveLength(ring.data!.ring.size);
    expect(ring.data!.ring.chain.map((t: { tier: string }) => t.tier)).toEqual([
      'upstream',
      'access',
      'accounts',
      'monetisation',
    ]);
    expect(ring.data!.ring.reasons.length).toBeGreaterThan(0);
  });

  it('searches, expands with a cap, finds paths, traces and flags', async () => {
    const member = data.truth.rings[0]!.members[0]!;
    const s = await gql('query($t: String!) { search(text: $t) { id degree } }', { t: member });
    expect(s.data!.search[0].id).toBe(`Account:${member}`);
    const ex = await gql(
      'query($ids: [ID!]!) { expand(ids: $ids, depth: 2, limit: 50) { nodes { id } truncated capped { id degree } } }',
      { ids: [`Account:${member}`] },
    );
    expect(ex.data!.expand.nodes.length).toBeLessThanOrEqual(50);
    const other = data.truth.rings[0]!.members[1]!;
    const p = await gql(
      'query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 4) { nodes { id } edges { id } } }',
      { a: `Account:${member}`, b: `Account:${other}` },
    );
    expect(p.data!.paths.nodes.map((n: { id: string }) => n.id)).toEqual(
      expect.arrayContaining([`Account:${member}`, `Account:${other}`]),
    );
    const t = await gql('query($id: ID!) { trace(id: $id) { root events { time kind detail } rings } }', {
      id: `Account:${member}`,
    });
    expect(t.data!.trace.events.length).toBeGreaterThan(2);
    const f = await gql(
      'mutation($id: ID!) { flagEntity(id: $id, tag: "confirmed-fraud", note: "chargeback call") { tags flags { tag note by } } }',
      { id: `Account:${member}` },
    );
    expect(f.data!.flagEntity.tags).toContain('confirmed-fraud');
    expect(f.data!.flagEntity.flags[0]).toMatchObject({ tag: 'confirmed-fraud', note: 'chargeback call', by: 'local' });
  });

  it('runs every saved query with its defaults or a sample account, treating Cypher in values as data', async () => {
    const list = await gql('{ savedQueries { name params { name required type } } }');
    const member = data.truth.rings[0]!.members[0]!;
    const ring = (await gql('{ rings(first: 1) { nodes { id } } }')).data!.rings.nodes[0].id;
    expect(list.data!.savedQueries.length).toBeGreaterThanOrEqual(12);
    for (const q of list.data!.savedQueries as { name: string; params: { name: string; required: boolean }[] }[]) {
      const params: Record<string, unknown> = {};
      for (const p of q.params.filter((x) => x.required))
        params[p.name] = p.name === 'ringId' ? ring : p.name === 'to' ? data.truth.rings[0]!.members[1] : member;
      const r = await gql(
        'query($n: String!, $p: JSON) { runSavedQuery(name: $n, params: $p) { columns rows truncated elapsedMs } }',
        { n: q.name, p: params },
      );
      expect(r.errors, q.name).toBeUndefined();
      expect(r.data!.runSavedQuery.columns.length, q.name).toBeGreaterThan(0);
    }
    const inj = await gql('query($p: JSON) { runSavedQuery(name: "shared-device-accounts", params: $p) { rows } }', {
      p: { accountId: "x'}) DETACH DELETE (a) //" },
    });
    // The value is only ever data: it names no account, which is said, and nothing was deleted.
    expect(inj.errors?.[0]?.message).toMatch(/parameter 'accountId': no account with key 'x'\}\) DETACH DELETE/);
    expect((await db.read('admin/store-counts'))[0]!.accounts).toBeGreaterThan(0);
  });

  it('answers bad input, unknown things, roles and limits with the documented codes', async () => {
    const code = (r: Awaited<ReturnType<typeof gql>>) => r.errors?.[0]?.extensions.code;
    expect(code(await gql('{ entity(id: "Nope:1") { id } }'))).toBe('BAD_USER_INPUT');
    expect(code(await gql('{ rings(first: 100000) { totalCount } }'))).toBe('BAD_USER_INPUT');
    expect(code(await gql('{ runSavedQuery(name: "no-such-query") { columns } }'))).toBe('NOT_FOUND');
    expect(
      code(await gql('{ runSavedQuery(name: "shared-device-accounts", params: {limit: "ten"}) { columns } }')),
    ).toBe('BAD_USER_INPUT');
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: stats { accounts }`).join(' ')} }`;
    const flood = await gql(aliases);
    expect(code(flood)).toBe('BAD_USER_INPUT');
    expect(flood.errors![0]!.message).toMatch(/aliases/);
    // Depth: a query that only introspects may go to 20 (GraphiQL's schema query is 15), past that
    // it is refused; next to a real field the ordinary limit of 10 holds.
    const ofTypes = (n: number) => 'ofType { '.repeat(n) + 'name' + ' }'.repeat(n);
    const nested = `{ __schema { types { fields { type { ${ofTypes(17)} } } } } }`;
    expect((await gql(nested)).errors![0]!.message).toMatch(/introspection query depth 22 exceeds/);
    const mixed = `{ stats { accounts } __schema { types { fields { type { ${ofTypes(6)} } } } } }`;
    expect((await gql(mixed)).errors![0]!.message).toMatch(/query depth 11 exceeds the limit of 10/);
    // Roles
    expect(code(await gql('{ me { role } }', {}, { url: secured.url }))).toBe('UNAUTHENTICATED');
    expect(code(await gql('{ me { role } }', {}, { url: secured.url, token: 'wrong-token-xxxxxxxxxxx' }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await gql('{ me { role } }', {}, { url: secured.url, token: 'viewer-token-0123456789' })).data!.me.role,
    ).toBe('viewer');
    expect(
      code(
        await gql(
          '{ runSavedQuery(name: "tool-fingerprints") { columns } }',
          {},
          { url: secured.url, token: 'viewer-token-0123456789' },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(
        await gql('mutation { runDetection { rings } }', {}, { url: secured.url, token: 'analyst-token-0123456789' }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      (
        await gql(
          '{ runSavedQuery(name: "tool-fingerprints") { columns } }',
          {},
          { url: secured.url, token: 'analyst-token-0123456789' },
        )
      ).errors,
    ).toBeUndefined();
    // No stack traces or Cypher leak to clients.
    const bad = await gql('{ entity(id: "Account:") { id } }');
    expect(JSON.stringify(bad)).not.toMatch(/MATCH|at .*\.ts|stack/);
  });

  it('reports DATABASE_UNAVAILABLE when Neo4j cannot be reached', async () => {
    const { Database } = await import('../../server/src/db/database.js');
    const config = testConfig();
    const down = new Database(config, db.catalog, 'bolt://127.0.0.1:1');
    const { buildResolvers } = await import('../../server/src/graphql/resolvers.js');
    const resolvers = buildResolvers(config, down, new Map());
    const err = await resolvers.Query.rings(
      undefined,
      { minScore: 0, minSize: 2, sort: 'SCORE', first: 5 },
      { caller: { role: 'admin', name: 't' } },
    ).catch((e: unknown) => e);
    const { formatError } = await import('../../server/src/graphql/errors.js');
    expect(formatError({ message: 'x' }, err).extensions?.code).toBe('DATABASE_UNAVAILABLE');
    await down.close();
  });
});

/** The product's cypher/ folder copied with extra saved queries, for start-up and timeout tests. */
function catalogWith(extra: Record<string, string>): CypherCatalog {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringscope-cypher-'));
  fs.cpSync(path.join(testConfig().rootDir, 'cypher'), dir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) fs.writeFileSync(path.join(dir, 'queries', name), text);
  return new CypherCatalog(dir);
}

describe('saved queries at start-up and under a time limit', () => {
  it('refuses to start when a query marked read writes, naming its file and line', async () => {
    const config = testConfig();
    const broken = new Db(
      config,
      catalogWith({
        'zz-sneaky-write.cypher':
          '// Looks harmless.\n// @mode read\n// @param accountId String\nMATCH (a:Account {key: $accountId})\nSET a.label = "legit"\nRETURN a\n',
      }),
      config.neo4j.uri!,
    );
    try {
      await expect(mountGraphql(config, broken)).rejects.toThrow(/zz-sneaky-write\.cypher:\d+.*read/);
    } finally {
      await broken.close();
    }
  });

  it('stops a query that runs past RINGSCOPE_QUERY_TIMEOUT_MS with QUERY_TIMEOUT', async () => {
    const config = testConfig({ RINGSCOPE_QUERY_TIMEOUT_MS: '300' });
    const slow = new Db(
      config,
      catalogWith({
        'zz-slow.cypher':
          '// Counts to a billion.\n// @mode read\nUNWIND range(1, 1000000000) AS x\nWITH x WHERE x % 7 = 0\nRETURN count(x) AS n\n',
      }),
      config.neo4j.uri!,
    );
    const running = await startServer(config, slow);
    try {
      const started = Date.now();
      const r = await gql('{ runSavedQuery(name: "zz-slow") { rows } }', {}, { url: running.url });
      expect(r.errors?.[0]?.extensions.code).toBe('QUERY_TIMEOUT');
      expect(JSON.stringify(r)).not.toMatch(/UNWIND|range\(/);
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      await running.close();
      await slow.close();
    }
  });
});

const exec = promisify(execFile);
async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const bin = path.join(testConfig().rootDir, 'bin', 'ringscope.mjs');
  const env = { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword') };
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { env, maxBuffer: 1 << 26 });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { stdout: err.stdout, stderr: err.stderr, code: err.code };
  }
}

describe('CLI query and report', () => {
  it('runs a saved query by name with typed parameters, as a table and as JSON', async () => {
    const ring = data.truth.rings.find((r) => r.scenario === 'coupon-farm')!;
    const member = ring.members[0]!;
    const table = await cli('query', 'shared-device-accounts', '--param', `accountId=${member}`);
    expect(table.code, table.stderr).toBe(0);
    const others = ring.members.filter((m) => m !== member && table.stdout.includes(m));
    expect(others.length).toBeGreaterThan(0);
    expect(table.stdout).toMatch(/\d+ rows?, .* ms/);
    const json = await cli(
      'query',
      'shared-device-accounts',
      '--param',
      `accountId=${member}`,
      '--param',
      'limit=2',
      '--json',
    );
    const parsed = JSON.parse(json.stdout) as { columns: string[]; rows: Record<string, unknown>[] };
    expect(parsed.columns).toContain('account');
    expect(parsed.rows.length).toBeLessThanOrEqual(2);
    expect(parsed.rows.length).toBeGreaterThan(0);

    const badType = await cli(
      'query',
      'shared-device-accounts',
      '--param',
      `accountId=${member}`,
      '--param',
      'limit=ten',
    );
    expect(badType.code).not.toBe(0);
    expect(badType.stderr).toMatch(/parameter 'limit' must be a whole number/);
    const unknown = await cli('query', 'no-such-query');
    expect(unknown.stderr).toMatch(/no saved query 'no-such-query'/);
    const inj = await cli(
      'query',
      'shared-device-accounts',
      '--param',
      "accountId=x'}) DETACH DELETE (a) //",
      '--json',
    );
    expect(inj.code).not.toBe(0);
    expect(inj.stderr).toMatch(/parameter 'accountId': no account with key 'x'\}\) DETACH DELETE/);
    expect((await db.read('admin/store-counts'))[0]!.accounts).toBeGreaterThan(0);
  });

  it('writes a case report for a ring and a trace report for an account', async () => {
    const top = (await gql('{ rings(first: 1) { nodes { id size reasons { detail } } } }')).data!.rings.nodes[0];
    const ring = await cli('report', top.id);
    expect(ring.code, ring.stderr).toBe(0);
    expect(ring.stdout).toContain(`# Ring ${top.id}`);
    expect(ring.stdout).toContain(`${top.size} accounts`);
    expect(ring.stdout).toContain(top.reasons[0].detail);
    expect(ring.stdout).toMatch(/### Accounts \(\d+\)/);
    const member = (await gql('query($id: ID!) { ring(id: $id) { members { key } } }', { id: top.id })).data!.ring
      .members[0].key;
    const traced = await cli('report', `Account:${member}`);
    expect(traced.stdout).toContain(`# Trace of Account \`${member}\``);
    expect(traced.stdout).toContain(top.id);
    const missing = await cli('report', 'ring-does-not-exist');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/no ring or account 'ring-does-not-exist'/);
  });
});
