// One account's risk (0 when detection gave it none), its reasons (JSON text) and its
// highest-scoring ring.
MATCH (a:Account {key: $key})
OPTIONAL MATCH (a)-[:MEMBER_OF]->(r:Ring)
WITH a, r ORDER BY r.score DESC
WITH a, head(collect(r.key)) AS ring
RETURN a.key AS key, a.risk AS risk, a.riskReasons AS reasons, a.label AS label, coalesce(a.tags, []) AS tags, ring
