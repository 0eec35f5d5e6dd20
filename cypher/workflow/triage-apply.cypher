// After a detection run replaced the Ring nodes: puts the triage labels back on the rings whose id
// survived ('confirmed' / 'dismissed' tags are what detection reads as labels next time).
MATCH (t:RingTriage) WHERE t.status IN ['confirmed', 'dismissed']
MATCH (r:Ring {key: t.ringId})
SET r.tags = [x IN coalesce(r.tags, []) WHERE NOT x IN ['confirmed', 'dismissed']] + [t.status]
RETURN count(r) AS rings
