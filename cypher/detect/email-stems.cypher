// Accounts whose emails share a domain and the same letters with different digits
// ("annasmith4821@…", "annasmith0934@…"), with registration times for the burst test.
MATCH (e:Email)<-[:HAS_EMAIL]-(a:Account)
WHERE e.stem IS NOT NULL AND a.registeredAt IS NOT NULL
WITH e.stem AS stem, collect({account: a.key, registered: a.registeredAt.epochMillis}) AS members
WHERE size(members) >= $minAccounts AND size(members) <= $maxShare
RETURN stem, members
