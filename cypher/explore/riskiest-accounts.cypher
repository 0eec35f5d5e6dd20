// Accounts by risk, riskiest first (ties by key), at or above $minRisk, paged by offset; each with
// its risk reasons (JSON text) and its highest-scoring ring. Uses the account_risk index.
MATCH (a:Account)
WHERE a.risk >= $minRisk AND a.risk > 0
WITH a ORDER BY a.risk DESC, a.key
SKIP toInteger($skip) LIMIT toInteger($first)
OPTIONAL MATCH (a)-[:MEMBER_OF]->(r:Ring)
WITH a, r ORDER BY r.score DESC
WITH a, head(collect(r.key)) AS ring
RETURN a.key AS key, a.risk AS risk, a.riskReasons AS reasons, a.label AS label, coalesce(a.tags, []) AS tags, ring
ORDER BY risk DESC, key
