// What changed in a detection run ($runId, or the latest when null), biggest rings first.
MATCH (run:DetectionRun)
WITH run ORDER BY run.at DESC
WITH collect(run) AS runs
WITH CASE WHEN $runId IS NULL THEN runs[0] ELSE [r IN runs WHERE r.key = $runId][0] END AS run
MATCH (run)-[:CHANGED]->(c:RingChange)
RETURN run.key AS runId, run.at AS at, c.ringId AS ringId, c.kind AS kind, c.from AS from, c.into AS into,
       c.sizeBefore AS sizeBefore, c.sizeAfter AS sizeAfter, c.joined AS joined, c.left AS left
ORDER BY c.kind, c.sizeAfter DESC, c.ringId
