// Adds an investigator's tag to an entity and records who, when and why in its audit trail.
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
SET n.tags = CASE WHEN $tag IN coalesce(n.tags, []) THEN n.tags ELSE coalesce(n.tags, []) + $tag END,
    n.flags = coalesce(n.flags, []) + [$audit]
RETURN n
