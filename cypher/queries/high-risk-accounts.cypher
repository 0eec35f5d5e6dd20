// Accounts with the highest risk after detection, with their ring.
// @mode read
// @param minRisk Float[0..1] = 0.5  lowest risk to list
// @param limit Int[1..10000] = 100  maximum rows
MATCH (a:Account)-[:MEMBER_OF]->(r:Ring)
WHERE a.risk >= $minRisk
RETURN a.key AS account, a.risk AS risk, r.key AS ring, r.size AS ringSize, a.registeredAt AS registered
ORDER BY risk DESC, account LIMIT $limit
