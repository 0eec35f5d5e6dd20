// A ring's picture: its members, the identifiers, tools and APIs at least two members share
// (or that intel flags), the cards members were declined on (card testing uses each card once),
// and the relationships between them. One row per shown resource; a single row with x = null
// when the members share nothing (a ring found by registration bursts, sequential phones or email
// patterns alone), so such a ring is still found.
MATCH (r:Ring {key: $id})
OPTIONAL MATCH (r)<-[:MEMBER_OF]-(m:Account)
WITH r, collect(m) AS members
OPTIONAL CALL (members) {
  UNWIND members AS a
  MATCH (a)-[rel]->(x)
  WHERE NOT x:Ring AND NOT x:IngestFile
  WITH x, collect(rel) AS rels, count(DISTINCT a) AS users
  WHERE users >= 2 OR x:Tool OR x:Account
     OR (x:PaymentMethod AND any(rel IN rels WHERE coalesce(rel.declines, 0) > 0))
     OR any(t IN coalesce(x.tags, []) WHERE t IN ['proxy', 'datacenter', 'sms-platform', 'virtual-number', 'emulator'])
  RETURN x, rels
}
RETURN r, members, x, rels
