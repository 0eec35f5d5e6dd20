// (:Device)-[:RAN]->(:Tool): an emulator or cheating tool seen on a device.
// The cached plan is kept while the graph grows (see server/src/ingest/write-batch.ts).
CYPHER replan=skip
UNWIND $rows AS row
MATCH (d:Device {key: row.device})
MERGE (t:Tool {key: row.tool})
  ON CREATE SET t.tags = [], t.created = datetime(), t.category = row.category
MERGE (d)-[r:RAN]->(t)
  ON CREATE SET r.count = 0
SET r.count = r.count + row.count
