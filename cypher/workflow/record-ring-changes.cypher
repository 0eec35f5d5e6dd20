// Records one detection run and what happened to each ring in it (see workflow/ring-history.ts),
// then stamps every ring of this run with when its id was first detected.
CREATE (run:DetectionRun {key: $runId, at: datetime($at), rings: $ringCount})
WITH run
UNWIND $changes AS c
CREATE (x:RingChange {runId: $runId, at: run.at, ringId: c.ringId, kind: c.kind, from: c.from, into: c.into,
                      sizeBefore: c.sizeBefore, sizeAfter: c.sizeAfter, joined: c.joined, left: c.left})
CREATE (run)-[:CHANGED]->(x)
RETURN count(x) AS changes
