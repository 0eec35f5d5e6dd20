// Removes the previous detection result: rings, memberships and account risk.
MATCH (r:Ring) DETACH DELETE r
WITH count(*) AS removed
MATCH (a:Account) WHERE a.risk IS NOT NULL
SET a.risk = null
