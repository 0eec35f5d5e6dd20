// (:Account)-[:USED_DEVICE]->(:Device), one relationship per pair however many events: a batch row
// carries the events already aggregated (count, first/last epoch ms, amount and outcome sums).
// Only the sums this type can carry are stored (failures): a property fewer to write per link is
// measurably faster (bench/README.md), and a sum that is always 0 says nothing.
// Both ends exist already: the batch's account and node-device statements ran first in the same
// transaction, so this statement only matches them (no node MERGE, no Eager between the two).
// The cached plan is kept while the graph grows (see server/src/ingest/write-batch.ts).
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Account {key: row.account})
MATCH (n:Device {key: row.key})
WITH a, n, row,
     CASE WHEN row.first IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.first)}) END AS first,
     CASE WHEN row.last IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.last)}) END AS last
MERGE (a)-[r:USED_DEVICE]->(n)
  ON CREATE SET r.count = row.count, r.failures = row.failures, r.firstSeen = first, r.lastSeen = last
  ON MATCH SET r.count = r.count + row.count,
               r.failures = r.failures + row.failures,
               r.firstSeen = CASE WHEN first IS NOT NULL AND (r.firstSeen IS NULL OR first < r.firstSeen) THEN first ELSE r.firstSeen END,
               r.lastSeen = CASE WHEN last IS NOT NULL AND (r.lastSeen IS NULL OR last > r.lastSeen) THEN last ELSE r.lastSeen END
