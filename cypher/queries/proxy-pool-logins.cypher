// Proxy / datacenter IPs (per intel) and the accounts that came through them.
// @mode read
// @param minAccounts Int[1..100000] = 2  IPs used by at least this many accounts
// @param limit Int[1..10000] = 100  maximum rows
MATCH (ip:IP)<-[r:USED_IP]-(a:Account)
WHERE any(t IN ip.tags WHERE t IN ['proxy', 'datacenter', 'tor', 'vpn'])
WITH ip, count(a) AS accounts, sum(r.count) AS events, collect(a.key)[..20] AS sample
WHERE accounts >= $minAccounts
RETURN ip.key AS ip, ip.tags AS tags, accounts, events, sample
ORDER BY accounts DESC LIMIT $limit
