// An account with everything it is directly connected to, as a graph.
// @mode read
// @param accountId AccountKey  the account key
// @param limit Int[1..10000] = 200  maximum relationships
MATCH (a:Account {key: $accountId})-[r]-(x)
WHERE NOT x:IngestFile
RETURN a AS account, r AS link, x AS neighbour LIMIT $limit
