// Benchmark baseline only: Neo4j's own LOAD CSV building (:Account)-[:HAS_PHONE]->(:Phone) from one
// line per event (ringscope's normalised keys, written by bench/load-csv.ts), each line merged on
// its own, committed every 2,000 lines. The accounts file was loaded first.
LOAD CSV WITH HEADERS FROM $url AS row
CALL {
  WITH row
  MATCH (a:Account {key: row.account})
  MERGE (n:Phone {key: row.key})
    ON CREATE SET n.tags = [], n.created = datetime()
  SET n.block = coalesce(row.block, n.block)
  WITH a, n, CASE WHEN row.t IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.t)}) END AS t
  SET n.firstSeen = CASE WHEN t IS NOT NULL AND (n.firstSeen IS NULL OR t < n.firstSeen) THEN t ELSE n.firstSeen END,
      n.lastSeen = CASE WHEN t IS NOT NULL AND (n.lastSeen IS NULL OR t > n.lastSeen) THEN t ELSE n.lastSeen END
  MERGE (a)-[r:HAS_PHONE]->(n)
    ON CREATE SET r.count = 0
  SET r.count = r.count + 1,
      r.firstSeen = CASE WHEN t IS NOT NULL AND (r.firstSeen IS NULL OR t < r.firstSeen) THEN t ELSE r.firstSeen END,
      r.lastSeen = CASE WHEN t IS NOT NULL AND (r.lastSeen IS NULL OR t > r.lastSeen) THEN t ELSE r.lastSeen END
} IN TRANSACTIONS OF 2000 ROWS
