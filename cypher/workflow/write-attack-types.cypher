// Each ring's attack type, its confidence and the scored evidence (JSON), from workflow/attack-type.ts.
UNWIND $rows AS row
MATCH (r:Ring {key: row.id})
SET r.attackType = row.type, r.attackConfidence = row.confidence, r.attackEvidence = row.evidence
