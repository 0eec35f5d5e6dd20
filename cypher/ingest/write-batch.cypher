// One batch's accounts, identifier nodes and account–identifier links, written by ringscope's
// procedure (neo4j/…/IngestBatch.java) where the database has it, in the batch's own transaction:
// the same graph as accounts.cypher, node-*.cypher and link-*.cypher build (an integration test
// compares the two property by property). Rows come as columns, name → one value per row:
// $accounts: AccountRow columns; $nodes: [{label, rows: NodeRow columns}]; $links: [{type, label (the
// identifier's), sums (the sums the type stores), rows: LinkRow columns}];
// $source: the batch's data source; $keep: the events kept per link. Returns what it created (a
// procedure's writes are not in the statement's counters).
// The cached plan is kept while the graph grows (see server/src/ingest/write-batch.ts).
CYPHER replan=skip
CALL ringscope.writeBatch($accounts, $nodes, $links, $source, $keep) YIELD nodesCreated, relationshipsCreated
RETURN nodesCreated, relationshipsCreated
