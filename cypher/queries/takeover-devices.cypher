// Devices that logged into many accounts registered long before the device first appeared:
// one attacker kit taking over old accounts.
// @mode read
// @param minAccounts Int[1..100000] = 3  old accounts on the device
// @param minAgeDays Int[0..36500] = 30  account age at the device's first use
// @param limit Int[1..10000] = 50  maximum rows
MATCH (d:Device)<-[r:USED_DEVICE]-(a:Account)
WHERE a.registeredAt IS NOT NULL AND r.firstSeen >= a.registeredAt + duration({days: $minAgeDays})
WITH d, collect(a.key) AS accounts, sum(r.failures) AS failedLogins
WHERE size(accounts) >= $minAccounts
RETURN d.key AS device, size(accounts) AS oldAccounts, failedLogins, accounts[..20] AS sample
ORDER BY oldAccounts DESC LIMIT $limit
