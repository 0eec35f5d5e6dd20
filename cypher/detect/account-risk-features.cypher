// Per-account evidence for account risk, one row per account (streamed by detection), summed here
// so only numbers cross the wire: how many identifiers of each kind it used, its sharing weighted by
// how rare each shared identifier is (1 / log2(1 + accounts sharing it); none for identifiers with a
// benign intel tag, x1.5 for a risky one), order outcomes and failures, proxy IPs, SMS-platform
// phones and fraud tools, when it first used each identifier (for bursts) and its first payment or
// purchase; when it registered and was active, referrals, its label and investigators' tags, and the
// numeric properties a mapping loaded onto it (candidate features; $notFeatures are known not to
// be). Parameters: the tag lists of model/tags.ts, the relationship types of strong identifiers
// (detect/weights.ts), fraud tool categories; $from and $to bound the account keys read ($from <=
// key < $to, null: open), so detection can read key ranges in parallel. Rarity weights and order
// amounts are summed as whole multiples of 2^-32 and 2^-20: whole numbers add up the same in
// whatever order the store hands out an account's links (it changes as rings come and go), floats
// do not. Cost: one expansion of each
// account's relationships (identifiers, tools and purchases together) plus one key comparison per
// account per range.
MATCH (a:Account)
WHERE ($from IS NULL OR a.key >= $from) AND ($to IS NULL OR a.key < $to)
CALL (a) {
  OPTIONAL MATCH (a)-[r:USED_DEVICE|PAID_WITH|HAS_PHONE|HAS_EMAIL|SHIPS_TO|USED_IP|RAN|BOUGHT_FROM]->(n)
  WITH r, type(r) AS t, n, coalesce(n.tags, []) AS idTags
  WITH r, t, n, idTags,
       CASE WHEN t IN ['RAN', 'BOUGHT_FROM'] THEN 0
            ELSE COUNT { (n)<-[:USED_DEVICE|PAID_WITH|HAS_PHONE|HAS_EMAIL|SHIPS_TO|USED_IP]-() } END AS degree
  WITH r, t, n, idTags,
       CASE WHEN degree >= 2 AND NOT any(x IN idTags WHERE x IN $benignTags)
            THEN log(2) / log(1 + degree) * CASE WHEN any(x IN idTags WHERE x IN $riskyTags) THEN 1.5 ELSE 1.0 END
            ELSE 0.0 END AS rarity,
       CASE WHEN t IN ['USED_DEVICE', 'PAID_WITH', 'HAS_PHONE', 'HAS_EMAIL', 'BOUGHT_FROM'] THEN r.firstSeen.epochMillis END AS first,
       CASE WHEN t = 'PAID_WITH' THEN r END AS pay
  RETURN [count(CASE t WHEN 'PAID_WITH' THEN 1 END),
          count(CASE t WHEN 'USED_DEVICE' THEN 1 END),
          count(CASE t WHEN 'HAS_PHONE' THEN 1 END),
          count(CASE t WHEN 'HAS_EMAIL' THEN 1 END),
          count(CASE t WHEN 'SHIPS_TO' THEN 1 END),
          count(CASE t WHEN 'USED_IP' THEN 1 END),
          sum(toInteger(round((CASE WHEN t IN $strongTypes THEN rarity ELSE 0.0 END) * 4294967296.0))) / 4294967296.0,
          sum(toInteger(round((CASE WHEN t IN $strongTypes THEN 0.0 ELSE rarity END) * 4294967296.0))) / 4294967296.0,
          sum(CASE WHEN pay IS NULL THEN 0 ELSE coalesce(pay.count, 1) END),
          sum(toInteger(round(coalesce(pay.amount, 0.0) * 1048576.0))) / 1048576.0,
          sum(coalesce(pay.declines, 0)),
          sum(coalesce(pay.chargebacks, 0)),
          sum(coalesce(pay.refunds, 0)),
          sum(CASE WHEN t IN ['USED_DEVICE', 'USED_IP'] THEN coalesce(r.failures, 0) ELSE 0 END),
          count(CASE WHEN t = 'USED_IP' AND any(x IN idTags WHERE x IN $proxyTags) THEN 1 END),
          count(CASE WHEN t = 'HAS_PHONE' AND any(x IN idTags WHERE x IN $smsTags) THEN 1 END),
          count(CASE WHEN t = 'RAN' AND (n.category IN $toolCategories OR 'fraud-tool' IN idTags) THEN 1 END)] AS counts,
         collect(CASE WHEN t <> 'BOUGHT_FROM' THEN first END) AS idTimes,
         min(CASE WHEN t = 'BOUGHT_FROM' OR pay.amount > 0 THEN first END) AS firstPayment
}
RETURN a.key AS key,
       a.registeredAt.epochMillis AS registered,
       a.firstSeen.epochMillis AS firstSeen,
       a.lastSeen.epochMillis AS lastSeen,
       a.firstOrderAt.epochMillis AS firstOrder,
       a.label AS label,
       coalesce(a.tags, []) AS tags,
       counts, idTimes, firstPayment,
       COUNT { (a)-[:REFERRED]->() } AS referredOut,
       COUNT { (a)<-[:REFERRED]-() } AS referredIn,
       [p IN [k IN keys(a) WHERE NOT k IN $notFeatures | [k, a[k]]]
          WHERE valueType(p[1]) STARTS WITH 'INTEGER' OR valueType(p[1]) STARTS WITH 'FLOAT'] AS numeric
