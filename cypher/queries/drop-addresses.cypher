// Shipping addresses receiving orders from many accounts: drop addresses and reshippers.
// @mode read
// @param minAccounts Int[1..100000] = 4  accounts shipping to the address
// @param limit Int[1..10000] = 100  maximum rows
MATCH (ad:Address)<-[r:SHIPS_TO]-(a:Account)
WITH ad, count(a) AS accounts, sum(r.count) AS orders, sum(r.amount) AS amount, sum(r.refunds) AS refunds, sum(r.chargebacks) AS chargebacks
WHERE accounts >= $minAccounts
RETURN ad.key AS address, accounts, orders, round(amount, 2) AS amount, refunds, chargebacks
ORDER BY accounts DESC LIMIT $limit
