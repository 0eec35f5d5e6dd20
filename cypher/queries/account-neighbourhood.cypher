// An account with everything it is directly connected to, as a graph.
// @mode read
// @param accountId String  the account key
// @param limit Int = 200  maximum relationships
MATCH (a:Account {key: $accountId})-[r]-(x)
WHERE NOT x:IngestFile
RETURN a, r, x LIMIT $limit
