// Phone numbers that differ only in their last four digits (bought as a block from an SMS
// platform), held by at least $minAccounts accounts, with registration times: a block alone is
// not a link (at 100k accounts random legitimate numbers fall into the farms' blocks), accounts
// of one block registered in a burst are.
MATCH (p:Phone)<-[:HAS_PHONE]-(a:Account)
WHERE p.block IS NOT NULL AND a.registeredAt IS NOT NULL
WITH p.block AS block,
     collect(DISTINCT {account: a.key, registered: a.registeredAt.epochMillis}) AS members,
     sum(CASE WHEN 'sms-platform' IN coalesce(p.tags, []) THEN 1 ELSE 0 END) AS tagged
WHERE size(members) >= $minAccounts AND size(members) <= $maxShare
RETURN block, members, tagged
