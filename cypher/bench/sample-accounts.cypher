// Benchmark sampling: accounts spread over the key space (keys are random hex), some in rings.
MATCH (a:Account)
WHERE a.key >= $from
RETURN a.key AS key, EXISTS { (a)-[:MEMBER_OF]->(:Ring) } AS inRing
ORDER BY a.key
LIMIT toInteger($n)
