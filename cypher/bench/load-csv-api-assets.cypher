// Benchmark baseline only: Neo4j's own LOAD CSV loading the API asset table (key, domain,
// sensitivity, controls and tags joined by ';').
LOAD CSV WITH HEADERS FROM $url AS row
CALL {
  WITH row
  MERGE (n:Api {key: row.key})
    ON CREATE SET n.tags = [], n.created = datetime()
  SET n.method = split(row.key, ' ')[0],
      n.path = split(row.key, ' ')[1],
      n.domain = coalesce(row.domain, n.domain),
      n.sensitivity = coalesce(row.sensitivity, n.sensitivity),
      n.controls = CASE WHEN row.controls IS NULL THEN [] ELSE split(row.controls, ';') END,
      n.tags = reduce(acc = coalesce(n.tags, []), t IN CASE WHEN row.tags IS NULL THEN [] ELSE split(row.tags, ';') END |
                      CASE WHEN t IN acc THEN acc ELSE acc + t END)
} IN TRANSACTIONS OF 2000 ROWS
