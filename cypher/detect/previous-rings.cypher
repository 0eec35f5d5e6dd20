// The rings of the last detection run with their members, to keep ids stable across runs.
MATCH (r:Ring)
RETURN r.key AS id, [(a:Account)-[:MEMBER_OF]->(r) | a.key] AS members
