// (:Account)-[:TRANSFERRED_TO]->(:Account), aggregated like identifier links (count, first/last, amount),
// and the latest dated events (eventTimes, eventAmounts; server/src/model/events.ts).
// The other account is created when it has not been seen yet.
// The cached plan is kept while the graph grows (see server/src/ingest/write-batch.ts).
CYPHER replan=skip
UNWIND $rows AS row
MERGE (a:Account {key: row.from})
  ON CREATE SET a.tags = [], a.created = datetime()
MERGE (b:Account {key: row.to})
  ON CREATE SET b.tags = [], b.created = datetime()
WITH a, b, row,
     CASE WHEN row.first IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.first)}) END AS first,
     CASE WHEN row.last IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.last)}) END AS last
MERGE (a)-[r:TRANSFERRED_TO]->(b)
  ON CREATE SET r.count = 0, r.amount = 0.0
SET r.count = r.count + row.count,
    r.amount = r.amount + row.amount,
    r.firstSeen = CASE WHEN first IS NOT NULL AND (r.firstSeen IS NULL OR first < r.firstSeen) THEN first ELSE r.firstSeen END,
    r.lastSeen = CASE WHEN last IS NOT NULL AND (r.lastSeen IS NULL OR last > r.lastSeen) THEN last ELSE r.lastSeen END,
    // Each dated event's time (epoch ms) and amount, in arrival order, the latest $keep per pair.
    r.eventTimes = CASE WHEN size(row.eventTimes) = 0 THEN r.eventTimes
                        ELSE (coalesce(r.eventTimes, []) + [t IN row.eventTimes | toInteger(t)])[-$keep..] END,
    r.eventAmounts = CASE WHEN size(row.eventAmounts) = 0 THEN r.eventAmounts
                          ELSE (coalesce(r.eventAmounts, []) + row.eventAmounts)[-$keep..] END
