// (:Account)-[:HAS_EMAIL]->(:Email), one relationship per pair however many events: a batch row
// carries the events already aggregated (count, first/last epoch ms, amount and outcome sums).
// This type carries no sums besides the count: a property fewer to write per link is
// measurably faster (bench/README.md), and a sum that is always 0 says nothing.
// Both ends exist already: the batch's account and node-email statements ran first in the same
// transaction, so this statement only matches them (no node MERGE, no Eager between the two).
// The cached plan is kept while the graph grows (see server/src/ingest/write-batch.ts).
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Account {key: row.account})
MATCH (n:Email {key: row.key})
WITH a, n, row,
     CASE WHEN row.first IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.first)}) END AS first,
     CASE WHEN row.last IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.last)}) END AS last
MERGE (a)-[r:HAS_EMAIL]->(n)
  ON CREATE SET r.count = row.count, r.firstSeen = first, r.lastSeen = last
  ON MATCH SET r.count = r.count + row.count,
               r.firstSeen = CASE WHEN first IS NOT NULL AND (r.firstSeen IS NULL OR first < r.firstSeen) THEN first ELSE r.firstSeen END,
               r.lastSeen = CASE WHEN last IS NOT NULL AND (r.lastSeen IS NULL OR last > r.lastSeen) THEN last ELSE r.lastSeen END
