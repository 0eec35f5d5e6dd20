// Rings filtered by score, size and (optionally) a member account; sorted and paged by offset.
MATCH (r:Ring)
WHERE r.score >= $minScore AND r.size >= $minSize
  AND ($containing IS NULL OR EXISTS { (:Account {key: $containing})-[:MEMBER_OF]->(r) })
WITH r, COUNT { (r)<-[:MEMBER_OF]-() } AS members,
     [(r)<-[:MEMBER_OF]-(a:Account) | a.registeredAt] AS regs
WITH r, members, reduce(latest = null, t IN regs | CASE WHEN latest IS NULL OR t > latest THEN t ELSE latest END) AS latest
WITH collect({r: r, latest: latest}) AS found
WITH found, size(found) AS total
UNWIND found AS x
WITH x.r AS r, x.latest AS latest, total
ORDER BY CASE $sort WHEN 'SIZE' THEN r.size WHEN 'RECENT' THEN latest.epochMillis ELSE r.score END DESC, r.score DESC, r.key
SKIP toInteger($skip) LIMIT toInteger($first)
RETURN r, latest, total
