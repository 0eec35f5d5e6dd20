// Benchmark baseline only: the link statement before sums were kept per relationship type
// (every link wrote all five sums, zero or not).
// (:Account)-[:USED_DEVICE]->(:Device), one relationship per pair however many events: a batch row
// carries the events already aggregated (count, first/last epoch ms, amount and outcome sums).
// Both ends exist already: the batch's account and node-device statements ran first in the same
// transaction, so this statement only matches them (no node MERGE, no Eager between the two).
UNWIND $rows AS row
MATCH (a:Account {key: row.account})
MATCH (n:Device {key: row.key})
WITH a, n, row,
     CASE WHEN row.first IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.first)}) END AS first,
     CASE WHEN row.last IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.last)}) END AS last
MERGE (a)-[r:USED_DEVICE]->(n)
  ON CREATE SET r.count = row.count, r.amount = row.amount, r.declines = row.declines,
                r.chargebacks = row.chargebacks, r.refunds = row.refunds, r.failures = row.failures,
                r.firstSeen = first, r.lastSeen = last
  ON MATCH SET r.count = r.count + row.count,
               r.amount = r.amount + row.amount,
               r.declines = r.declines + row.declines,
               r.chargebacks = r.chargebacks + row.chargebacks,
               r.refunds = r.refunds + row.refunds,
               r.failures = r.failures + row.failures,
               r.firstSeen = CASE WHEN first IS NOT NULL AND (r.firstSeen IS NULL OR first < r.firstSeen) THEN first ELSE r.firstSeen END,
               r.lastSeen = CASE WHEN last IS NOT NULL AND (r.lastSeen IS NULL OR last > r.lastSeen) THEN last ELSE r.lastSeen END
