// Accounts with many declined payments across several cards of one BIN: card testing.
// @mode read
// @param minDeclines Int[1..100000] = 3  declines needed to list an account
// @param limit Int[1..10000] = 100  maximum rows
MATCH (a:Account)-[r:PAID_WITH]->(p:PaymentMethod)
WITH a, sum(r.declines) AS declines, sum(r.count) AS payments, count(DISTINCT p) AS cards, collect(DISTINCT p.bin) AS bins
WHERE declines >= $minDeclines
RETURN a.key AS account, declines, payments, cards, bins, a.risk AS risk
ORDER BY declines DESC LIMIT $limit
