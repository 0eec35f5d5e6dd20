// The identifiers that candidate ring members share (detect --engine gds, which reads no identifier
// graph): $keys holds whole groups' members, and each identifier comes with the members among
// $keys linked to it and its degree over all accounts (in 2..$maxShare, as shared-identifiers.cypher
// keeps), for ring-inputs.ts to keep those two members of one group share.
UNWIND $keys AS key
MATCH (:Account {key: key})-[:USED_DEVICE|PAID_WITH|HAS_PHONE|HAS_EMAIL|SHIPS_TO|USED_IP]->(n)
WHERE (n:Device OR n:PaymentMethod OR n:Phone OR n:Email OR n:Address OR n:IP)
WITH n, collect(DISTINCT key) AS members
WHERE size(members) >= 2
WITH n, members, COUNT { (n)<-[:USED_DEVICE|PAID_WITH|HAS_PHONE|HAS_EMAIL|SHIPS_TO|USED_IP]-(:Account) } AS degree
WHERE degree <= $maxShare
RETURN labels(n)[0] AS label, n.key AS key, coalesce(n.tags, []) AS tags, degree, members
