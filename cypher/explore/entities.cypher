// Entities by id ({label, key} maps; labels cannot be parameters, so one branch per label,
// each an index seek). Returns the node, its degree and the rings of accounts.
UNWIND $ids AS id
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
RETURN n, COUNT { (n)--() } AS degree,
       [(n)-[:MEMBER_OF]->(r:Ring) | {id: r.key, score: r.score, size: r.size}] AS rings
