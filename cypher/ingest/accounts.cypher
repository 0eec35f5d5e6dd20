// Upserts accounts from a batch. Each row: key, first/last (epoch ms, may be null), registeredAt
// and firstOrderAt (epoch ms or null; the earliest order is kept), label ('fraud' | 'legit' |
// null), props (map of extra account attributes). $source: the data source of the batch's file,
// added once to the account's sources.
// The cached plan is kept while the graph grows (see server/src/ingest/write-batch.ts).
CYPHER replan=skip
UNWIND $rows AS row
MERGE (a:Account {key: row.key})
  ON CREATE SET a.tags = [], a.created = datetime()
WITH a, row,
     CASE WHEN row.first IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.first)}) END AS first,
     CASE WHEN row.last IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.last)}) END AS last
SET a.firstSeen = CASE WHEN first IS NOT NULL AND (a.firstSeen IS NULL OR first < a.firstSeen) THEN first ELSE a.firstSeen END,
    a.lastSeen = CASE WHEN last IS NOT NULL AND (a.lastSeen IS NULL OR last > a.lastSeen) THEN last ELSE a.lastSeen END,
    a.registeredAt = CASE WHEN row.registeredAt IS NULL THEN a.registeredAt ELSE datetime({epochMillis: toInteger(row.registeredAt)}) END,
    a.firstOrderAt = CASE WHEN row.firstOrderAt IS NULL OR (a.firstOrderAt IS NOT NULL AND a.firstOrderAt.epochMillis <= row.firstOrderAt)
                          THEN a.firstOrderAt ELSE datetime({epochMillis: toInteger(row.firstOrderAt)}) END,
    a.label = coalesce(row.label, a.label),
    a.sources = CASE WHEN $source IN coalesce(a.sources, []) THEN a.sources ELSE coalesce(a.sources, []) + $source END
SET a += row.props
