// One ring's defence blind spots: APIs its members call that are not low-sensitivity and have none
// of the $protective controls, ranked by the members' calls, then by the money they paid.
MATCH (:Ring {key: $ringId})<-[:MEMBER_OF]-(a:Account)-[c:CALLED]->(api:Api)
WHERE coalesce(api.sensitivity, '') <> 'low' AND NOT any(x IN coalesce(api.controls, []) WHERE x IN $protective)
WITH api, count(DISTINCT a) AS abusers, sum(c.count) AS calls, collect(DISTINCT a) AS accounts
RETURN api.key AS key, api.domain AS domain, api.sensitivity AS sensitivity, coalesce(api.controls, []) AS controls,
       abusers, calls,
       reduce(s = 0.0, x IN accounts | s + reduce(t = 0.0, p IN [(x)-[p:PAID_WITH]->() | coalesce(p.amount, 0.0)] | t + p)) AS money
ORDER BY calls DESC, money DESC, key
LIMIT toInteger($limit)
