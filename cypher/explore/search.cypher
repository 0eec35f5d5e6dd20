// Finds entities whose key equals one of the normalised candidates ({label, key}), plus accounts
// and identifiers whose key starts with the raw text (prefix search on the unique-key indexes).
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
  RETURN n, 0 AS rank
  UNION
  MATCH (n:Account) WHERE n.key STARTS WITH $prefix RETURN n, 1 AS rank LIMIT 10
  UNION
  MATCH (n:Device) WHERE n.key STARTS WITH $lower RETURN n, 2 AS rank LIMIT 5
  UNION
  MATCH (n:Email) WHERE n.key STARTS WITH $lower RETURN n, 2 AS rank LIMIT 5
  UNION
  MATCH (n:IP) WHERE n.key STARTS WITH $prefix RETURN n, 2 AS rank LIMIT 5
  UNION
  MATCH (n:Ring) WHERE n.key STARTS WITH $prefix RETURN n, 1 AS rank LIMIT 5
}
WITH n, min(rank) AS rank
WHERE $types IS NULL OR any(l IN labels(n) WHERE l IN $types)
RETURN n, COUNT { (n)--() } AS degree, rank
ORDER BY rank, degree DESC
LIMIT toInteger($first)
