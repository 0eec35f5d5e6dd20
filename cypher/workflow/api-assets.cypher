// Every API of the asset table with its tags and how it is used: callers and calls, and those by
// flagged accounts (risk or ring score at or above $flag, or tagged confirmed-fraud).
MATCH (api:Api)
OPTIONAL MATCH (api)<-[c:CALLED]-(a:Account)
WITH api, a, c,
     a IS NOT NULL AND (coalesce(a.risk, 0.0) >= $flag OR 'confirmed-fraud' IN coalesce(a.tags, [])
       OR EXISTS { (a)-[:MEMBER_OF]->(r:Ring) WHERE r.score >= $flag }) AS flagged
WITH api, count(a) AS callers, sum(coalesce(c.count, 0)) AS calls,
     count(CASE WHEN flagged THEN a END) AS flaggedCallers, sum(CASE WHEN flagged THEN c.count ELSE 0 END) AS flaggedCalls
RETURN api.key AS key, api.method AS method, api.path AS path, api.domain AS domain, api.sensitivity AS sensitivity,
       coalesce(api.controls, []) AS controls, coalesce(api.tags, []) AS tags, coalesce(api.flags, []) AS flags,
       callers, calls, flaggedCallers, flaggedCalls
ORDER BY flaggedCalls DESC, calls DESC, key
