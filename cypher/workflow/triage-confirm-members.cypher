// A confirmed ring's members become confirmed fraud for detection (account tag 'confirmed-fraud',
// read by account risk as a positive label), each with an audit entry. Only accounts that did not
// carry the tag already are remembered, so un-confirming removes exactly what this added.
MATCH (t:RingTriage {ringId: $ringId}) WHERE t.status = 'confirmed'
MATCH (:Ring {key: $ringId})<-[:MEMBER_OF]-(a:Account)
WHERE NOT 'confirmed-fraud' IN coalesce(a.tags, [])
WITH t, collect(a) AS accounts
FOREACH (a IN accounts |
  SET a.tags = coalesce(a.tags, []) + 'confirmed-fraud', a.flags = coalesce(a.flags, []) + [$audit])
SET t.confirmedAccounts = coalesce(t.confirmedAccounts, []) + [a IN accounts | a.key]
RETURN size(accounts) AS tagged
