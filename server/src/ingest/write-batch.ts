// One batch's statements inside its write transaction: nodes first, then the links that only match
// their ends, then device tools, intel and API assets (cypher/ingest/).
//
// Where the database has ringscope's procedure (ringscope.writeBatch, neo4j/…/IngestBatch.java), it
// writes the batch's accounts, identifier nodes and account–identifier links, the bulk of every log,
// in one call and the same transaction; account–account links, device tools, intel and API assets
// stay Cypher statements. The procedure builds the same graph (test/integration/ingest-writer) and
// is faster (bench/README.md): no per-row Cypher runtime, one round trip instead of one per label
// and type.
//
// Every statement here starts with `CYPHER replan=skip`. An ingest grows the graph fast, and Neo4j
// plans a cached query again whenever the store's statistics have drifted far enough (every 10 s at
// most): a profile of a 20k-account registrations load showed about a quarter of the statements'
// time in parsing and planning, again and again. The plans are unique-index seeks and merges, the
// same on an empty graph as on a full one, so the first plan is kept (bench/README.md).
import type { Database, WriteTx } from '../db/database.js';
import { EVENTS_KEPT_PER_LINK, keepsEvents } from '../model/events.js';
import { linkStatement, nodeStatement, type Batch } from './batch.js';
import { LINK_SUM_COLUMNS, LINK_TYPES } from './effects.js';

/** How a batch is written: by ringscope's procedure, or by the Cypher statements alone. */
export type BatchWriter = 'procedure' | 'cypher';

export const WRITE_PROCEDURE = 'ringscope.writeBatch';

/** What a batch created beyond the statements' own counters (a procedure's writes are not in them). */
export interface Created {
  nodesCreated: number;
  relationshipsCreated: number;
}

// The row fields ringscope.writeBatch reads (IngestBatch.java), per kind of row.
const ACCOUNT_FIELDS = ['key', 'first', 'last', 'registeredAt', 'firstOrderAt', 'label', 'props'] as const;
const NODE_FIELDS = ['key', 'first', 'last', 'nodeProps'] as const;
const LINK_FIELDS = ['account', 'key', 'first', 'last', 'count'] as const;
const EVENT_FIELDS = ['eventTimes', 'eventAmounts'] as const;

/**
 * Rows as columns, name → one value per row: each field name crosses the wire once per batch, not
 * once per row (Bolt packing of the rows' maps was a third of this process's CPU; see bench/README.md).
 */
function columns<T extends object>(rows: Iterable<T>, names: readonly string[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const name of names) out[name] = [];
  for (const row of rows) {
    for (const name of names) out[name]!.push((row as Record<string, unknown>)[name] ?? null);
  }
  return out;
}

export async function writeBatch(tx: WriteTx, batch: Batch, source: string, writer: BatchWriter): Promise<Created> {
  const created: Created = { nodesCreated: 0, relationshipsCreated: 0 };
  if (writer === 'procedure') {
    if (batch.accounts.size || batch.nodes.size || batch.links.size) {
      const [row] = await tx.run('ingest/write-batch', {
        accounts: columns(batch.accounts.values(), ACCOUNT_FIELDS),
        nodes: [...batch.nodes].map(([label, rows]) => ({ label, rows: columns(rows.values(), NODE_FIELDS) })),
        links: [...batch.links].map(([type, rows]) => {
          const sums = LINK_SUM_COLUMNS[type] ?? [];
          const names = [...LINK_FIELDS, ...sums, ...(keepsEvents(type) ? EVENT_FIELDS : [])];
          return { type, label: LINK_TYPES[type], sums, rows: columns(rows.values(), names) };
        }),
        source,
        keep: EVENTS_KEPT_PER_LINK,
      });
      created.nodesCreated = Number(row?.nodesCreated ?? 0);
      created.relationshipsCreated = Number(row?.relationshipsCreated ?? 0);
    }
  } else {
    // Nodes first, then relationships that only match their ends: no statement both creates nodes
    // and reads them back, which made Neo4j plan Eager barriers (each link statement alone: 1.8x
    // faster; the whole ingest: no measurable gain, commits dominate; see bench/README.md).
    if (batch.accounts.size) await tx.run('ingest/accounts', { rows: [...batch.accounts.values()], source });
    for (const [label, rows] of batch.nodes) await tx.run(nodeStatement(label), { rows: [...rows.values()] });
    for (const [rel, rows] of batch.links) {
      await tx.run(linkStatement(rel, 'link'), { rows: [...rows.values()], keep: EVENTS_KEPT_PER_LINK });
    }
  }
  for (const [rel, rows] of batch.accountLinks) {
    await tx.run(linkStatement(rel, 'account-link'), { rows: [...rows.values()], keep: EVENTS_KEPT_PER_LINK });
  }
  if (batch.deviceTools.size) await tx.run('ingest/device-tool', { rows: [...batch.deviceTools.values()] });
  if (batch.intel.length) await tx.run('ingest/intel', { rows: batch.intel });
  if (batch.apis.length) await tx.run('ingest/api-assets', { rows: batch.apis });
  return created;
}

/**
 * The writer an ingest uses: 'auto' takes the procedure where the database lists it and the Cypher
 * statements otherwise (an external Neo4j without ringscope's plugin, or a user who may not list
 * procedures); 'procedure' refuses, naming the jar, where it is missing.
 */
export async function chooseWriter(db: Database, wanted: 'auto' | BatchWriter): Promise<BatchWriter> {
  if (wanted === 'cypher') return 'cypher';
  let names: string[];
  try {
    names = (await db.read('admin/procedures', {}, { timeoutMs: 0 })).map((r) => String(r.name));
  } catch (e) {
    if (wanted === 'procedure') throw e;
    return 'cypher';
  }
  if (names.includes(WRITE_PROCEDURE)) return 'procedure';
  if (wanted === 'procedure') {
    throw new Error(
      `--writer procedure: the database has no ${WRITE_PROCEDURE} (put neo4j/target/ringscope-neo4j-0.1.0.jar ` +
        'in its plugins folder, or use --writer cypher)',
    );
  }
  return 'cypher';
}
