// Defence blind spots over all rings: APIs that are not low-sensitivity and have none of the
// $protective controls, called by flagged accounts (risk or ring score at or above $flag, or
// confirmed fraud), ranked by those accounts' calls, then by the money they paid (at stake).
MATCH (api:Api)
WHERE coalesce(api.sensitivity, '') <> 'low' AND NOT any(x IN coalesce(api.controls, []) WHERE x IN $protective)
MATCH (api)<-[c:CALLED]-(a:Account)
WHERE coalesce(a.risk, 0.0) >= $flag OR 'confirmed-fraud' IN coalesce(a.tags, [])
   OR EXISTS { (a)-[:MEMBER_OF]->(r:Ring) WHERE r.score >= $flag }
WITH api, count(DISTINCT a) AS abusers, sum(c.count) AS calls, collect(DISTINCT a) AS accounts
RETURN api.key AS key, api.domain AS domain, api.sensitivity AS sensitivity, coalesce(api.controls, []) AS controls,
       abusers, calls,
       reduce(s = 0.0, x IN accounts | s + reduce(t = 0.0, p IN [(x)-[p:PAID_WITH]->() | coalesce(p.amount, 0.0)] | t + p)) AS money
ORDER BY calls DESC, money DESC, key
LIMIT toInteger($limit)
