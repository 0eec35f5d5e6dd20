// The triage queue: rings with their triage status, assignee and attack type, filtered by status,
// assignee, attack type, minimum score, when the ring was first detected and the data source its
// members were seen in (ingest records each account's sources); strongest first, paged by offset.
MATCH (r:Ring)
WHERE r.score >= $minScore
  AND ($attackType IS NULL OR r.attackType = $attackType)
  AND ($since IS NULL OR coalesce(r.firstDetectedAt, r.detectedAt) >= datetime($since))
  AND ($until IS NULL OR coalesce(r.firstDetectedAt, r.detectedAt) <= datetime($until))
  AND ($source IS NULL OR EXISTS { MATCH (m:Account)-[:MEMBER_OF]->(r) WHERE $source IN m.sources })
OPTIONAL MATCH (t:RingTriage {ringId: r.key})
WITH r, t, coalesce(t.status, 'new') AS status
WHERE ($statuses IS NULL OR status IN $statuses)
  AND ($assignee IS NULL OR ($assignee = '' AND t.assignee IS NULL) OR t.assignee = $assignee)
WITH r, t, status
ORDER BY r.score DESC, r.size DESC, r.key
WITH collect({r: r, t: t, status: status}) AS found
UNWIND CASE WHEN size(found) = 0 THEN [null] ELSE found[toInteger($skip)..toInteger($skip) + toInteger($first)] END AS x
RETURN size(found) AS total,
       x.r.key AS id, x.r.score AS score, x.r.size AS size, x.r.reasons AS reasons,
       x.r.detectedAt AS detectedAt, coalesce(x.r.firstDetectedAt, x.r.detectedAt) AS firstDetectedAt,
       x.r.attackType AS attackType, x.r.attackConfidence AS attackConfidence,
       x.status AS status, x.t.assignee AS assignee, x.t.updatedAt AS updatedAt, x.t.updatedBy AS updatedBy,
       CASE WHEN x IS NULL THEN [] ELSE COLLECT {
         MATCH (m:Account)-[:MEMBER_OF]->(rr:Ring {key: x.r.key}) UNWIND coalesce(m.sources, []) AS s RETURN DISTINCT s ORDER BY s
       } END AS sources
