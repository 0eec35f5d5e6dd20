// API asset table: each endpoint with its business domain, sensitivity and protective controls.
// A field an analyst edited (updateApiAsset: analystEdited) keeps the analyst's value.
// The cached plan is kept while the graph grows (see server/src/ingest/write-batch.ts).
CYPHER replan=skip
UNWIND $rows AS row
MERGE (n:Api {key: row.key})
  ON CREATE SET n.tags = [], n.created = datetime()
SET n.method = split(row.key, ' ')[0],
    n.path = split(row.key, ' ')[1],
    n.domain = CASE WHEN 'domain' IN coalesce(n.analystEdited, []) THEN n.domain ELSE coalesce(row.domain, n.domain) END,
    n.sensitivity = CASE WHEN 'sensitivity' IN coalesce(n.analystEdited, []) THEN n.sensitivity
                         ELSE coalesce(row.sensitivity, n.sensitivity) END,
    n.controls = CASE WHEN 'controls' IN coalesce(n.analystEdited, []) THEN n.controls ELSE row.controls END,
    n.tags = reduce(acc = coalesce(n.tags, []), t IN row.tags | CASE WHEN t IN acc THEN acc ELSE acc + t END)
