// Cheating tools, emulators and automation seen in user agents, with the accounts that ran them.
// @mode read
// @param limit Int[1..10000] = 50  maximum rows
MATCH (t:Tool)<-[r:RAN]-(a:Account)
RETURN t.key AS tool, t.category AS category, t.tags AS tags, count(a) AS accounts, sum(r.count) AS events,
       round(avg(coalesce(a.risk, 0)), 3) AS meanRisk
ORDER BY accounts DESC LIMIT $limit
