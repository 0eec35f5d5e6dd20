// (:Account)-[:PAID_WITH]->(:PaymentMethod), one relationship per pair however many events: a batch row
// carries the events already aggregated (count, first/last epoch ms, amount and outcome sums).
// Each dated payment also keeps its time (epoch ms) and amount, the latest $keep per pair
// (eventTimes, eventAmounts; server/src/model/events.ts).
// Only the sums this type can carry are stored (amount, declines, chargebacks, refunds): a property fewer to write per link is
// measurably faster (bench/README.md), and a sum that is always 0 says nothing.
// Both ends exist already: the batch's account and node-payment-method statements ran first in the same
// transaction, so this statement only matches them (no node MERGE, no Eager between the two).
// The cached plan is kept while the graph grows (see server/src/ingest/write-batch.ts).
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Account {key: row.account})
MATCH (n:PaymentMethod {key: row.key})
WITH a, n, row,
     CASE WHEN row.first IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.first)}) END AS first,
     CASE WHEN row.last IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.last)}) END AS last
MERGE (a)-[r:PAID_WITH]->(n)
  ON CREATE SET r.count = row.count, r.amount = row.amount, r.declines = row.declines, r.chargebacks = row.chargebacks, r.refunds = row.refunds, r.firstSeen = first, r.lastSeen = last,
                r.eventTimes = CASE WHEN size(row.eventTimes) = 0 THEN null ELSE [t IN row.eventTimes | toInteger(t)][-$keep..] END,
                r.eventAmounts = CASE WHEN size(row.eventAmounts) = 0 THEN null ELSE row.eventAmounts[-$keep..] END
  ON MATCH SET r.count = r.count + row.count,
               r.amount = r.amount + row.amount,
               r.declines = r.declines + row.declines,
               r.chargebacks = r.chargebacks + row.chargebacks,
               r.refunds = r.refunds + row.refunds,
               r.firstSeen = CASE WHEN first IS NOT NULL AND (r.firstSeen IS NULL OR first < r.firstSeen) THEN first ELSE r.firstSeen END,
               r.lastSeen = CASE WHEN last IS NOT NULL AND (r.lastSeen IS NULL OR last > r.lastSeen) THEN last ELSE r.lastSeen END,
               r.eventTimes = CASE WHEN size(row.eventTimes) = 0 THEN r.eventTimes
                                   ELSE (coalesce(r.eventTimes, []) + [t IN row.eventTimes | toInteger(t)])[-$keep..] END,
               r.eventAmounts = CASE WHEN size(row.eventAmounts) = 0 THEN r.eventAmounts
                                     ELSE (coalesce(r.eventAmounts, []) + row.eventAmounts)[-$keep..] END
