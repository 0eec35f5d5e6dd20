// A case trace: everything an account touched (identifiers, tools, APIs, other accounts) with
// first/last use, the ring it belongs to, and the devices' tools: the attack path in time order.
WITH $id AS id
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
OPTIONAL MATCH (a)-[rel]-(x)
WHERE NOT x:IngestFile
OPTIONAL MATCH (x:Device)-[tr:RAN]->(t:Tool)
RETURN a, rel, x, collect(DISTINCT [tr, t]) AS tools
