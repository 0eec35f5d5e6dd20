// One ring's history across detection runs, newest first (also entries naming it as source or target).
MATCH (c:RingChange)
WHERE c.ringId = $ringId OR $ringId IN c.from OR $ringId IN c.into
RETURN c.runId AS runId, c.at AS at, c.ringId AS ringId, c.kind AS kind, c.from AS from, c.into AS into,
       c.sizeBefore AS sizeBefore, c.sizeAfter AS sizeAfter, c.joined AS joined, c.left AS left
ORDER BY c.at DESC, c.ringId
LIMIT 200
