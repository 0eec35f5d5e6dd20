// Each ring's first detection: the earliest run in which its id appeared (its history), else now.
MATCH (r:Ring)
OPTIONAL MATCH (c:RingChange {ringId: r.key})
WITH r, min(c.at) AS first
SET r.firstDetectedAt = coalesce(first, r.detectedAt)
RETURN count(r) AS rings
