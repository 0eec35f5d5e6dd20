// Accounts on the same phone number, or on numbers from the same block (SMS-platform ranges).
// @mode read
// @param accountId AccountKey  the account key
// @param limit Int[1..10000] = 100  maximum rows
MATCH (a:Account {key: $accountId})-[:HAS_PHONE]->(p:Phone)
MATCH (q:Phone)<-[:HAS_PHONE]-(o:Account)
WHERE q.block = p.block AND o <> a
RETURN o.key AS account, q.key AS phone, q = p AS samePhone, q.tags AS tags
ORDER BY samePhone DESC, phone LIMIT $limit
