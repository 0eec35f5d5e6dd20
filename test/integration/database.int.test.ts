// The foundation against the real Neo4j: schema applied, a write read back, errors mapped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { Neo4jError } from 'neo4j-driver';
import { DbError } from '../../server/src/db/errors.js';
import { openTestDb, wipe } from '../helpers/neo4j.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDb();
  await wipe(db);
});
afterAll(async () => {
  await wipe(db);
  await db.close();
});

describe('database', () => {
  it('writes accounts in one transaction and reads them back', async () => {
    const counters = await db.writeTx(async (tx) => {
      await tx.run('ingest/accounts', {
        source: 'test',
        rows: [
          {
            key: 'u_1',
            first: Date.UTC(2024, 0, 2),
            last: Date.UTC(2024, 0, 3),
            registeredAt: null,
            label: 'fraud',
            props: { country: 'NL' },
          },
          { key: 'u_2', first: null, last: null, registeredAt: null, label: null, props: {} },
        ],
      });
    });
    expect(counters.nodesCreated).toBe(2);
    const counts = await db.read('admin/store-counts');
    expect(counts[0]).toMatchObject({ accounts: 2, nodes: 2 });
  });

  it('keeps one node per key (unique constraint) and widens firstSeen/lastSeen', async () => {
    await db.write('ingest/accounts', {
      source: 'test',
      rows: [
        {
          key: 'u_1',
          first: Date.UTC(2023, 5, 1),
          last: Date.UTC(2024, 0, 2),
          registeredAt: null,
          label: null,
          props: {},
        },
      ],
    });
    const counts = await db.read('admin/store-counts');
    expect(counts[0]?.accounts).toBe(2);
  });

  it('fails a stream the driver would retry after rows were delivered, instead of delivering them twice', async () => {
    // A transient error mid-stream (here raised by the consumer, as a dropped connection would be
    // by the driver) makes the driver run the transaction again from its first row.
    const seen: string[] = [];
    let failed = false;
    const err = await db
      .stream('admin/store-counts', {}, (row) => {
        seen.push(String(row.accounts));
        if (!failed) {
          failed = true;
          throw new Neo4jError('connection dropped', 'Neo.TransientError.General.DatabaseUnavailable', '', '');
        }
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DbError);
    expect((err as DbError).message).toMatch(/'admin\/store-counts' was interrupted after 1 rows/);
    expect(seen).toHaveLength(1);
  });

  it('reports the server version and edition', async () => {
    const info = await db.serverInfo();
    expect(info.version).toMatch(/^5\.26\./);
    expect(info.edition).toBe('community');
  });

  it('maps a missing statement to an error naming the file', async () => {
    await expect(db.read('queries/does-not-exist')).rejects.toThrow(/queries\/does-not-exist\.cypher/);
  });

  it('maps Cypher errors to typed errors', async () => {
    const err = await db.readText('RETURN 1 +', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DbError);
    expect((err as DbError).code).toBe('INVALID_QUERY');
  });

  it('maps an unreachable server to DATABASE_UNAVAILABLE', async () => {
    const { Database } = await import('../../server/src/db/database.js');
    const { testConfig } = await import('../helpers/neo4j.js');
    const down = new Database(testConfig(), db.catalog, 'bolt://127.0.0.1:1');
    const err = await down.read('admin/store-counts').catch((e: unknown) => e);
    await down.close();
    expect((err as DbError).code).toBe('DATABASE_UNAVAILABLE');
  });
});
