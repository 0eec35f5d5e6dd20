// Phone numbers that differ only in their last four digits (bought as a block from an SMS
// platform), held by at least $minAccounts accounts.
MATCH (p:Phone)<-[:HAS_PHONE]-(a:Account)
WHERE p.block IS NOT NULL
WITH p.block AS block, collect(DISTINCT a.key) AS accounts,
     sum(CASE WHEN 'sms-platform' IN coalesce(p.tags, []) THEN 1 ELSE 0 END) AS tagged
WHERE size(accounts) >= $minAccounts AND size(accounts) <= $maxShare
RETURN block, accounts, tagged
