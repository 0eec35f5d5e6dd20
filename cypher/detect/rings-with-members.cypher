// Detected rings and their member keys (evaluation, CLI output).
MATCH (r:Ring)
RETURN r.key AS id, r.score AS score, r.size AS size, r.reasons AS reasons,
       [(a:Account)-[:MEMBER_OF]->(r) | a.key] AS members
ORDER BY r.score DESC
