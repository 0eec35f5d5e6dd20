// Search, ranked: entities whose key equals one of the normalised candidates ({label, key})
// first, then keys starting with the raw text (unique-key indexes), then full-text matches on
// words inside keys, tags, card BIN / last 4, ring attack types and reasons ($words: a Lucene
// query built from the text's words, never from raw text), best score first.
CALL {
  UNWIND $exact AS id
  CALL {
    WITH id
    WITH id WHERE id.label = 'Account' MATCH (n:Account {key: id.key}) RETURN n
    UNION WITH id WITH id WHERE id.label = 'Device' MATCH (n:Device {key: id.key}) RETURN n
    UNION WITH id WITH id WHERE id.label = 'IP' MATCH (n:IP {key: id.key}) RETURN n
    UNION WITH id WITH id WHERE id.label = 'PaymentMethod' MATCH (n:PaymentMethod {key: id.key}) RETURN n
    UNION WITH id WITH id WHERE id.label = 'Phone' MATCH (n:Phone {key: id.key}) RETURN n
    UNION WITH id WITH id WHERE id.label = 'Email' MATCH (n:Email {key: id.key}) RETURN n
    UNION WITH id WITH id WHERE id.label = 'Address' MATCH (n:Address {key: id.key}) RETURN n
    UNION WITH id WITH id WHERE id.label = 'Api' MATCH (n:Api {key: id.key}) RETURN n
    UNION WITH id WITH id WHERE id.label = 'Tool' MATCH (n:Tool {key: id.key}) RETURN n
    UNION WITH id WITH id WHERE id.label = 'Ring' MATCH (n:Ring {key: id.key}) RETURN n
  }
  RETURN n, 0 AS rank, 1000.0 AS score
  UNION
  MATCH (n:Account) WHERE n.key STARTS WITH $prefix RETURN n, 1 AS rank, 100.0 AS score LIMIT 10
  UNION
  MATCH (n:Device) WHERE n.key STARTS WITH $lower RETURN n, 1 AS rank, 100.0 AS score LIMIT 5
  UNION
  MATCH (n:Email) WHERE n.key STARTS WITH $lower RETURN n, 1 AS rank, 100.0 AS score LIMIT 5
  UNION
  MATCH (n:IP) WHERE n.key STARTS WITH $prefix RETURN n, 1 AS rank, 100.0 AS score LIMIT 5
  UNION
  MATCH (n:Ring) WHERE n.key STARTS WITH $prefix RETURN n, 1 AS rank, 100.0 AS score LIMIT 5
  UNION
  WITH $words AS words WHERE words IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_text', words, {limit: 200}) YIELD node, score
  RETURN node AS n, 2 AS rank, score
}
WITH n, min(rank) AS rank, max(score) AS score
WHERE $types IS NULL OR any(l IN labels(n) WHERE l IN $types)
WITH n, rank, score, COUNT { (n)--() } AS degree
ORDER BY rank, score DESC, degree DESC
LIMIT toInteger($first)
OPTIONAL MATCH (n)-[:MEMBER_OF]->(ring:Ring)
WITH n, rank, score, degree, collect(ring {id: ring.key, score: ring.score, size: ring.size}) AS rings
RETURN n, degree, rank, score, rings
ORDER BY rank, score DESC, degree DESC
