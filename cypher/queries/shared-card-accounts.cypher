// Accounts that paid with a card the given account also used.
// @mode read
// @param accountId AccountKey  the account key
// @param limit Int[1..10000] = 100  maximum rows
MATCH (a:Account {key: $accountId})-[:PAID_WITH]->(p:PaymentMethod)<-[r:PAID_WITH]-(o:Account)
RETURN o.key AS account, p.bin AS bin, p.last4 AS last4, r.count AS payments, r.declines AS declines, r.chargebacks AS chargebacks
ORDER BY payments DESC LIMIT $limit
