// A hub's neighbours as a list (the web app's "+N more" list): those of the given labels whose key
// contains $text (lower-case; null for all), strongest links first, paged by offset, with how many
// match. Cost: every link of the hub is read and sorted once per page (a hub of 50k links: about
// a second), which an explicit "list" action can afford and an expand cannot.
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
MATCH (n)-[r]-(m)
WHERE any(l IN labels(m) WHERE l IN $labels)
  AND ($text IS NULL OR toLower(m.key) CONTAINS $text)
WITH m, type(r) AS rel, coalesce(r.count, 1) AS count
ORDER BY count DESC, m.key
WITH collect({m: m, rel: rel, count: count}) AS found
UNWIND CASE WHEN size(found) = 0 THEN [null] ELSE found[toInteger($skip)..toInteger($skip) + toInteger($first)] END AS x
RETURN size(found) AS total, x.m AS node, x.rel AS rel, x.count AS count
