// Benchmark baseline only: Neo4j's own LOAD CSV applying threat-intelligence lines (label, key,
// tags joined by ';', confidence 0..1, source, bin), committed every 2,000 lines.
LOAD CSV WITH HEADERS FROM $url AS row
CALL {
  WITH row
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
  WITH n, row, CASE WHEN row.tags IS NULL THEN [] ELSE split(row.tags, ';') END AS tags,
       toFloat(row.confidence) AS confidence
  SET n.tags = reduce(acc = coalesce(n.tags, []), t IN tags | CASE WHEN t IN acc THEN acc ELSE acc + t END),
      n.intelConfidence = CASE WHEN confidence IS NULL THEN n.intelConfidence
                               WHEN n.intelConfidence IS NULL OR confidence > n.intelConfidence THEN confidence
                               ELSE n.intelConfidence END,
      n.intelSources = CASE WHEN row.source IS NULL OR row.source IN coalesce(n.intelSources, []) THEN n.intelSources
                            ELSE coalesce(n.intelSources, []) + row.source END,
      n.created = coalesce(n.created, datetime()),
      n.bin = coalesce(row.bin, n.bin)
} IN TRANSACTIONS OF 2000 ROWS
