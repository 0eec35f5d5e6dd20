// Benchmark baseline only: Neo4j's own LOAD CSV upserting accounts from one line per input row
// (key, t, registeredAt, label, country, userAgent), committed every 2,000 lines.
LOAD CSV WITH HEADERS FROM $url AS row
CALL {
  WITH row
  MERGE (a:Account {key: row.key})
    ON CREATE SET a.tags = [], a.created = datetime()
  WITH a, row, CASE WHEN row.t IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.t)}) END AS t
  SET a.firstSeen = CASE WHEN t IS NOT NULL AND (a.firstSeen IS NULL OR t < a.firstSeen) THEN t ELSE a.firstSeen END,
      a.lastSeen = CASE WHEN t IS NOT NULL AND (a.lastSeen IS NULL OR t > a.lastSeen) THEN t ELSE a.lastSeen END,
      a.registeredAt = CASE WHEN row.registeredAt IS NULL THEN a.registeredAt
                            ELSE datetime({epochMillis: toInteger(row.registeredAt)}) END,
      a.label = coalesce(row.label, a.label),
      a.country = coalesce(row.country, a.country),
      a.userAgent = coalesce(row.userAgent, a.userAgent)
} IN TRANSACTIONS OF 2000 ROWS
