// One ring's attack type, confidence and scored evidence (JSON) as the last detection run named it.
MATCH (r:Ring {key: $ringId})
RETURN r.attackType AS type, r.attackConfidence AS confidence, r.attackEvidence AS evidence
