// Benchmark baseline only: Neo4j's own LOAD CSV building (:Device)-[:RAN]->(:Tool) from one line
// per event (device, tool, category), committed every 2,000 lines.
LOAD CSV WITH HEADERS FROM $url AS row
CALL {
  WITH row
  MATCH (d:Device {key: row.device})
  MERGE (t:Tool {key: row.tool})
    ON CREATE SET t.tags = [], t.created = datetime(), t.category = row.category
  MERGE (d)-[r:RAN]->(t)
    ON CREATE SET r.count = 0
  SET r.count = r.count + 1
} IN TRANSACTIONS OF 2000 ROWS
