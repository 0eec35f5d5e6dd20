// One batch's statements inside its write transaction: nodes first, then the links that only match
// their ends, then device tools, intel and API assets (cypher/ingest/).
//
// Every statement here starts with `CYPHER replan=skip`. An ingest grows the graph fast, and Neo4j
// plans a cached query again whenever the store's statistics have drifted far enough (every 10 s at
// most): a profile of a 20k-account registrations load showed about a quarter of the statements'
// time in parsing and planning, again and again. The plans are unique-index seeks and merges, the
// same on an empty graph as on a full one, so the first plan is kept (bench/README.md).
import type { WriteTx } from '../db/database.js';
import { EVENTS_KEPT_PER_LINK } from '../model/events.js';
import { linkStatement, nodeStatement, type Batch } from './batch.js';

export async function writeBatch(tx: WriteTx, batch: Batch, source: string): Promise<void> {
  // Nodes first, then relationships that only match their ends: no statement both creates nodes and
  // reads them back, which made Neo4j plan Eager barriers (each link statement alone: 1.8x faster;
  // the whole ingest: no measurable gain, commits dominate; see bench/README.md).
  if (batch.accounts.size) await tx.run('ingest/accounts', { rows: [...batch.accounts.values()], source });
  for (const [label, rows] of batch.nodes) await tx.run(nodeStatement(label), { rows: [...rows.values()] });
  for (const [rel, rows] of batch.links) {
    await tx.run(linkStatement(rel, 'link'), { rows: [...rows.values()], keep: EVENTS_KEPT_PER_LINK });
  }
  for (const [rel, rows] of batch.accountLinks) {
    await tx.run(linkStatement(rel, 'account-link'), { rows: [...rows.values()], keep: EVENTS_KEPT_PER_LINK });
  }
  if (batch.deviceTools.size) await tx.run('ingest/device-tool', { rows: [...batch.deviceTools.values()] });
  if (batch.intel.length) await tx.run('ingest/intel', { rows: batch.intel });
  if (batch.apis.length) await tx.run('ingest/api-assets', { rows: batch.apis });
}
