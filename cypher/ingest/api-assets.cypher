// API asset table: each endpoint with its business domain, sensitivity and protective controls.
UNWIND $rows AS row
MERGE (n:Api {key: row.key})
  ON CREATE SET n.tags = [], n.created = datetime()
SET n.method = split(row.key, ' ')[0],
    n.path = split(row.key, ' ')[1],
    n.domain = coalesce(row.domain, n.domain),
    n.sensitivity = coalesce(row.sensitivity, n.sensitivity),
    n.controls = row.controls,
    n.tags = reduce(acc = coalesce(n.tags, []), t IN row.tags | CASE WHEN t IN acc THEN acc ELSE acc + t END)
