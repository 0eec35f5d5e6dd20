// Registrations through the same IP (not a known carrier/office/public address), with times:
// detection links accounts registered close together through one IP.
MATCH (ip:IP)<-[:USED_IP]-(a:Account)
WHERE a.registeredAt IS NOT NULL AND NONE(t IN coalesce(ip.tags, []) WHERE t IN $benignTags)
WITH ip, collect({account: a.key, registered: a.registeredAt.epochMillis}) AS members
WHERE size(members) >= 2 AND size(members) <= $maxShare
RETURN ip.key AS ip, members
