// Shortest paths between two entities (up to 6 hops; the caller filters by maxHops), not through
// Ring nodes, nor through API endpoints and tools that thousands of accounts touch: those would
// connect everything trivially.
WITH $from AS id
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
WITH n AS a
WITH a, $to AS id
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
WITH a, n AS b
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE a <> b AND length(p) <= $maxHops AND none(x IN nodes(p) WHERE x:Ring OR x:IngestFile)
  AND none(x IN nodes(p)[1..-1] WHERE x:Api OR x:Tool)
RETURN p
LIMIT toInteger($limit)
