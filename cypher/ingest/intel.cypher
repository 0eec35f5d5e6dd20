// Threat-intelligence indicators: tags, confidence and source on the entity node (created if new).
// Labels cannot be parameters, so each label has its own branch; only the matching one runs.
// The cached plan is kept while the graph grows (see server/src/ingest/write-batch.ts).
CYPHER replan=skip
UNWIND $rows AS row
CALL {
  WITH row WITH row WHERE row.label = 'IP' MERGE (n:IP {key: row.key}) RETURN n
  UNION WITH row WITH row WHERE row.label = 'Phone' MERGE (n:Phone {key: row.key}) RETURN n
  UNION WITH row WITH row WHERE row.label = 'Device' MERGE (n:Device {key: row.key}) RETURN n
  UNION WITH row WITH row WHERE row.label = 'Email' MERGE (n:Email {key: row.key}) RETURN n
  UNION WITH row WITH row WHERE row.label = 'PaymentMethod' MERGE (n:PaymentMethod {key: row.key}) RETURN n
  UNION WITH row WITH row WHERE row.label = 'Address' MERGE (n:Address {key: row.key}) RETURN n
  UNION WITH row WITH row WHERE row.label = 'Tool' MERGE (n:Tool {key: row.key}) RETURN n
  UNION WITH row WITH row WHERE row.label = 'Account' MERGE (n:Account {key: row.key}) RETURN n
  UNION WITH row WITH row WHERE row.label = 'Api' MERGE (n:Api {key: row.key}) RETURN n
}
SET n.tags = reduce(acc = coalesce(n.tags, []), t IN row.tags | CASE WHEN t IN acc THEN acc ELSE acc + t END),
    n.intelConfidence = CASE WHEN row.confidence IS NULL THEN n.intelConfidence
                             ELSE CASE WHEN n.intelConfidence IS NULL OR row.confidence > n.intelConfidence THEN row.confidence ELSE n.intelConfidence END END,
    n.intelSources = CASE WHEN row.source IS NULL OR row.source IN coalesce(n.intelSources, []) THEN n.intelSources
                          ELSE coalesce(n.intelSources, []) + row.source END,
    n.created = coalesce(n.created, datetime())
SET n += row.nodeProps
