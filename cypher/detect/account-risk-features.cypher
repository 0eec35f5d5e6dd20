// Per-account evidence for account risk, one row per account (streamed by detection): when it
// registered and was active, each identifier it used with how many accounts share that identifier
// (rarity) and its intel tags, order outcomes, account-to-account links, its label and
// investigators' tags, and the numeric properties a mapping loaded onto it (candidate features).
// Cost: one pass over accounts and their relationships; identifier degrees come from the degree store.
MATCH (a:Account)
RETURN a.key AS key,
       a.registeredAt.epochMillis AS registered,
       a.firstSeen.epochMillis AS firstSeen,
       a.lastSeen.epochMillis AS lastSeen,
       a.firstOrderAt.epochMillis AS firstOrder,
       a.label AS label,
       coalesce(a.tags, []) AS tags,
       [(a)-[r:USED_DEVICE|PAID_WITH|HAS_PHONE|HAS_EMAIL|SHIPS_TO|USED_IP]->(n) |
         [type(r), COUNT { (n)<-[:USED_DEVICE|PAID_WITH|HAS_PHONE|HAS_EMAIL|SHIPS_TO|USED_IP]-() },
          r.firstSeen.epochMillis, coalesce(n.tags, []), coalesce(r.count, 1), coalesce(r.amount, 0.0),
          coalesce(r.declines, 0), coalesce(r.chargebacks, 0), coalesce(r.refunds, 0), coalesce(r.failures, 0)]] AS links,
       [(a)-[:RAN]->(t:Tool) | [t.key, coalesce(t.category, ''), coalesce(t.tags, [])]] AS tools,
       [(a)-[r:BOUGHT_FROM]->() | r.firstSeen.epochMillis] AS purchases,
       COUNT { (a)-[:REFERRED]->() } AS referredOut,
       COUNT { (a)<-[:REFERRED]-() } AS referredIn,
       [k IN keys(a) WHERE NOT k IN ['risk', 'riskReasons', 'ringScore'] AND
          (valueType(a[k]) STARTS WITH 'INTEGER' OR valueType(a[k]) STARTS WITH 'FLOAT') | [k, a[k]]] AS numeric
