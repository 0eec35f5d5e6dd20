// The account key at a position in key order (the account key constraint's index gives the order,
// so this reads no account): where detection splits the accounts into key ranges read in parallel.
MATCH (a:Account)
WHERE a.key IS NOT NULL
RETURN a.key AS key
ORDER BY a.key
SKIP toInteger($skip)
LIMIT 1
