// Hours in which many accounts registered through the same IP: farm sign-up bursts.
// @mode read
// @param minAccounts Int[1..100000] = 5  registrations in one hour through one IP
// @param limit Int[1..10000] = 100  maximum rows
MATCH (a:Account)-[:USED_IP]->(ip:IP)
WHERE a.registeredAt IS NOT NULL AND NOT any(t IN coalesce(ip.tags, []) WHERE t IN ['cgnat', 'carrier', 'corporate', 'public-wifi'])
WITH ip, datetime.truncate('hour', a.registeredAt) AS hour, collect(a.key) AS accounts
WHERE size(accounts) >= $minAccounts
RETURN ip.key AS ip, hour, size(accounts) AS registrations, accounts[..20] AS sample
ORDER BY registrations DESC LIMIT $limit
