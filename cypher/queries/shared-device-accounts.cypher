// Accounts that share a device with the given account, strongest first.
// @mode read
// @param accountId AccountKey  the account key
// @param limit Int[1..10000] = 100  maximum rows
MATCH (a:Account {key: $accountId})-[:USED_DEVICE]->(d:Device)<-[:USED_DEVICE]-(o:Account)
RETURN o.key AS account, count(d) AS sharedDevices, collect(d.key)[..5] AS devices, o.risk AS risk
ORDER BY sharedDevices DESC LIMIT $limit
