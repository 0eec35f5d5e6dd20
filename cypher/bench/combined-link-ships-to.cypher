// Benchmark baseline only: the first ingest design, one statement per link type that merges the
// identifier node and the relationship together (Neo4j plans Eager barriers between them).
// (:Account)-[:SHIPS_TO]->(:Address), one relationship per pair however many events: a batch row
// carries the events already aggregated (count, first/last epoch ms, amount and outcome sums).
UNWIND $rows AS row
MATCH (a:Account {key: row.account})
MERGE (n:Address {key: row.key})
  ON CREATE SET n.tags = [], n.created = datetime()
SET n += row.nodeProps
WITH a, n, row,
     CASE WHEN row.first IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.first)}) END AS first,
     CASE WHEN row.last IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.last)}) END AS last
SET n.firstSeen = CASE WHEN first IS NOT NULL AND (n.firstSeen IS NULL OR first < n.firstSeen) THEN first ELSE n.firstSeen END,
    n.lastSeen = CASE WHEN last IS NOT NULL AND (n.lastSeen IS NULL OR last > n.lastSeen) THEN last ELSE n.lastSeen END
MERGE (a)-[r:SHIPS_TO]->(n)
  ON CREATE SET r.count = 0, r.amount = 0.0, r.declines = 0, r.chargebacks = 0, r.refunds = 0, r.failures = 0
SET r.count = r.count + row.count,
    r.amount = r.amount + row.amount,
    r.declines = r.declines + row.declines,
    r.chargebacks = r.chargebacks + row.chargebacks,
    r.refunds = r.refunds + row.refunds,
    r.failures = r.failures + row.failures,
    r.firstSeen = CASE WHEN first IS NOT NULL AND (r.firstSeen IS NULL OR first < r.firstSeen) THEN first ELSE r.firstSeen END,
    r.lastSeen = CASE WHEN last IS NOT NULL AND (r.lastSeen IS NULL OR last > r.lastSeen) THEN last ELSE r.lastSeen END
