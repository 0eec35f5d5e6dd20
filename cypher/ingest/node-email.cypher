// Upserts the :Email nodes of a batch, one row per distinct key (the batch merged all rows
// naming it): key, first/last (epoch ms, may be null), nodeProps. Runs before the link statement.
// The cached plan is kept while the graph grows (see server/src/ingest/write-batch.ts).
CYPHER replan=skip
UNWIND $rows AS row
MERGE (n:Email {key: row.key})
  ON CREATE SET n.tags = [], n.created = datetime()
SET n += row.nodeProps
WITH n, row,
     CASE WHEN row.first IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.first)}) END AS first,
     CASE WHEN row.last IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.last)}) END AS last
SET n.firstSeen = CASE WHEN first IS NOT NULL AND (n.firstSeen IS NULL OR first < n.firstSeen) THEN first ELSE n.firstSeen END,
    n.lastSeen = CASE WHEN last IS NOT NULL AND (n.lastSeen IS NULL OR last > n.lastSeen) THEN last ELSE n.lastSeen END
