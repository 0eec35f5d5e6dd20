// Persists rings: Ring nodes, MEMBER_OF, and each member's risk (its highest ring score).
UNWIND $rings AS ring
CREATE (r:Ring {key: ring.id, id: ring.id, score: ring.score, size: ring.size, reasonCodes: ring.reasonCodes,
                reasons: ring.reasonsJson, detectedAt: datetime(), tags: []})
WITH r, ring
UNWIND ring.members AS m
MATCH (a:Account {key: m})
CREATE (a)-[:MEMBER_OF]->(r)
SET a.risk = CASE WHEN a.risk IS NULL OR ring.score > a.risk THEN ring.score ELSE a.risk END
