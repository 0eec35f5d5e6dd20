// Money moved between accounts (transfers and purchases from sellers), one row per ordered pair
// with its event count, amount and first time: the input of money-flow features and of
// closeness to confirmed fraud. Cost: one pass over account-to-account relationships.
MATCH (a:Account)-[r:TRANSFERRED_TO|BOUGHT_FROM|REFERRED]->(b:Account)
RETURN a.key AS from, b.key AS to, type(r) AS type, coalesce(r.count, 1) AS count,
       coalesce(r.amount, 0.0) AS amount, r.firstSeen.epochMillis AS first
