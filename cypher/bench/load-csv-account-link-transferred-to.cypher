// Benchmark baseline only: Neo4j's own LOAD CSV building (:Account)-[:TRANSFERRED_TO]->(:Account) from one
// line per event (from, to, t, amount), committed every 2,000 lines.
LOAD CSV WITH HEADERS FROM $url AS row
CALL {
  WITH row
  MERGE (a:Account {key: row.from})
    ON CREATE SET a.tags = [], a.created = datetime()
  MERGE (b:Account {key: row.to})
    ON CREATE SET b.tags = [], b.created = datetime()
  WITH a, b, row, CASE WHEN row.t IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.t)}) END AS t
  MERGE (a)-[r:TRANSFERRED_TO]->(b)
    ON CREATE SET r.count = 0, r.amount = 0.0
  SET r.count = r.count + 1,
      r.amount = r.amount + toFloat(row.amount),
      r.firstSeen = CASE WHEN t IS NOT NULL AND (r.firstSeen IS NULL OR t < r.firstSeen) THEN t ELSE r.firstSeen END,
      r.lastSeen = CASE WHEN t IS NOT NULL AND (r.lastSeen IS NULL OR t > r.lastSeen) THEN t ELSE r.lastSeen END
} IN TRANSACTIONS OF 2000 ROWS
