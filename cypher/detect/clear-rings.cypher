// Removes the previous detection result: rings, memberships and account risk with its reasons.
MATCH (r:Ring) DETACH DELETE r
WITH count(*) AS removed
MATCH (a:Account) WHERE a.risk IS NOT NULL OR a.riskReasons IS NOT NULL
SET a.risk = null, a.riskReasons = null
