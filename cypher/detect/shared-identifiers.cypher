// Identifiers shared by 2..$maxShare accounts, with the accounts sharing them and intel tags.
// Streamed by detection; crowds larger than $maxShare are skipped (they link nothing specific).
MATCH (n)
WHERE (n:Device OR n:PaymentMethod OR n:Phone OR n:Email OR n:Address OR n:IP)
WITH n, COUNT { (n)<-[:USED_DEVICE|PAID_WITH|HAS_PHONE|HAS_EMAIL|SHIPS_TO|USED_IP]-(:Account) } AS degree
WHERE degree >= 2 AND degree <= $maxShare
RETURN labels(n)[0] AS label, n.key AS key, coalesce(n.tags, []) AS tags, degree,
       [(n)<-[:USED_DEVICE|PAID_WITH|HAS_PHONE|HAS_EMAIL|SHIPS_TO|USED_IP]-(a:Account) | a.key] AS accounts
