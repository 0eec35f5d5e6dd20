// What a ring's members did, summed over the ring, for naming its attack type: money outcomes
// (payments, declines, chargebacks, refunds, amounts, cards and BINs), account age when the
// shared kit appeared (takeover), sign-up spread, SMS-platform phones and emulators, links among
// members (referrals, P2P transfers, purchases from one seller), and API calls by business domain
// and path. One row per ring given.
// $rings: [{id, members: [account key]}], the rings a detection run has just scored. Members are
// found by key, not through :MEMBER_OF, so this read runs while the run still computes account
// risk, before its rings are written (server/src/workflow/after-detection.ts).
UNWIND $rings AS ring
CALL (ring) {
  MATCH (a:Account) WHERE a.key IN ring.members
  RETURN collect(a) AS members, count(a) AS size,
         min(a.registeredAt.epochMillis) AS firstRegistered, max(a.registeredAt.epochMillis) AS lastRegistered
}
CALL (members) {
  UNWIND members AS a
  MATCH (a)-[p:PAID_WITH]->(card:PaymentMethod)
  RETURN sum(coalesce(p.count, 0)) AS payments, sum(coalesce(p.declines, 0)) AS declines,
         sum(coalesce(p.chargebacks, 0)) AS chargebacks, sum(coalesce(p.refunds, 0)) AS refunds,
         sum(coalesce(p.amount, 0.0)) AS amount, count(DISTINCT card) AS cards,
         count(DISTINCT card.bin) AS bins
}
CALL (members) {
  UNWIND members AS a
  MATCH (a)-[u:USED_DEVICE|USED_IP]->(kit)
  WHERE COUNT { (kit)<-[:USED_DEVICE|USED_IP]-(b:Account) WHERE b IN members } >= 2
  WITH a, min(u.firstSeen) AS kitFirst, sum(coalesce(u.failures, 0)) AS failures
  RETURN count(CASE WHEN a.registeredAt IS NOT NULL AND kitFirst IS NOT NULL
                     AND kitFirst.epochMillis - a.registeredAt.epochMillis > 14 * 86400000 THEN a END) AS oldAccountsNewKit,
         sum(failures) AS loginFailures
}
CALL (members) {
  UNWIND members AS a
  RETURN count(CASE WHEN EXISTS { (a)-[:HAS_PHONE]->(p:Phone) WHERE any(t IN coalesce(p.tags, []) WHERE t IN ['sms-platform', 'virtual-number']) } THEN a END) AS smsPhones,
         count(CASE WHEN EXISTS { (a)-[:RAN]->(t:Tool) WHERE t.category IN ['emulator', 'group-control'] OR t.key CONTAINS 'emulator' } THEN a END) AS emulators,
         count(CASE WHEN EXISTS { (a)-[:USED_DEVICE]->(:Device)-[:RAN]->(t:Tool) WHERE t.category IN ['emulator', 'group-control'] OR t.key CONTAINS 'emulator' } THEN a END) AS emulatorDevices
}
CALL (members) {
  UNWIND members AS a
  OPTIONAL MATCH (a)-[x:REFERRED|TRANSFERRED_TO|BOUGHT_FROM]-(b:Account)
  RETURN count(CASE WHEN type(x) = 'REFERRED' THEN x END) AS referrals,
         count(CASE WHEN type(x) = 'TRANSFERRED_TO' AND startNode(x) = a THEN x END) AS transfers,
         sum(CASE WHEN type(x) = 'TRANSFERRED_TO' AND startNode(x) = a THEN coalesce(x.amount, 0.0) ELSE 0.0 END) AS transferAmount,
         count(CASE WHEN type(x) = 'BOUGHT_FROM' AND startNode(x) = a THEN x END) AS purchases,
         count(DISTINCT CASE WHEN type(x) = 'BOUGHT_FROM' AND startNode(x) = a THEN b END) AS sellers
}
CALL (members) {
  UNWIND members AS a
  OPTIONAL MATCH (a)-[c:CALLED]->(api:Api)
  WITH api, sum(c.count) AS calls, count(DISTINCT a) AS callers
  RETURN collect(CASE WHEN api IS NULL THEN null
                      ELSE {key: toLower(api.key), domain: toLower(coalesce(api.domain, '')), calls: calls, members: callers} END) AS apis
}
RETURN ring.id AS id, size, firstRegistered, lastRegistered, payments, declines, chargebacks, refunds, amount, cards, bins,
       oldAccountsNewKit, loginFailures, smsPhones, emulators, emulatorDevices, referrals, transfers, transferAmount,
       purchases, sellers, apis
