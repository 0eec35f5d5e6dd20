// A ring that is no longer confirmed gives back the 'confirmed-fraud' tags its confirmation added.
MATCH (t:RingTriage {ringId: $ringId}) WHERE t.status <> 'confirmed'
WITH t, coalesce(t.confirmedAccounts, []) AS keys
SET t.confirmedAccounts = []
WITH keys
UNWIND keys AS key
MATCH (a:Account {key: key})
SET a.tags = [x IN coalesce(a.tags, []) WHERE x <> 'confirmed-fraud'], a.flags = coalesce(a.flags, []) + [$audit]
RETURN count(a) AS untagged
