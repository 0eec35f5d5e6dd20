// Persists rings: Ring nodes and MEMBER_OF (account risk is written by write-account-risk).
UNWIND $rings AS ring
CREATE (r:Ring {key: ring.id, id: ring.id, score: ring.score, size: ring.size, reasonCodes: ring.reasonCodes,
                reasons: ring.reasonsJson, detectedAt: datetime(), tags: []})
WITH r, ring
UNWIND ring.members AS m
MATCH (a:Account {key: m})
CREATE (a)-[:MEMBER_OF]->(r)
