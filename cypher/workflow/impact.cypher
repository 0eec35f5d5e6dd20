// Impact preview of blocking identifiers ($ids: [{label, key}] of Device, IP, PaymentMethod, Phone,
// Email, Address): the accounts using them, the orders and amount that blocking would touch (for a
// card or an address only the orders paid with it or shipped to it; for a device, IP, phone or
// email all the account's orders), split into flagged accounts (risk or ring score at or above
// $flag, or tagged confirmed-fraud) and unflagged ones (collateral), and the rings it reaches.
// Per-account rows are capped at $maxAccounts (riskiest first); the sums cover every account.
UNWIND $ids AS id
CALL (id) {
  WITH id WHERE id.label = 'Device' MATCH (n:Device {key: id.key}) RETURN n
  UNION WITH id WITH id WHERE id.label = 'IP' MATCH (n:IP {key: id.key}) RETURN n
  UNION WITH id WITH id WHERE id.label = 'PaymentMethod' MATCH (n:PaymentMethod {key: id.key}) RETURN n
  UNION WITH id WITH id WHERE id.label = 'Phone' MATCH (n:Phone {key: id.key}) RETURN n
  UNION WITH id WITH id WHERE id.label = 'Email' MATCH (n:Email {key: id.key}) RETURN n
  UNION WITH id WITH id WHERE id.label = 'Address' MATCH (n:Address {key: id.key}) RETURN n
}
WITH collect(DISTINCT n) AS blocked
CALL (blocked) {
  UNWIND blocked AS n
  MATCH (a:Account)-[l:USED_DEVICE|USED_IP|PAID_WITH|HAS_PHONE|HAS_EMAIL|SHIPS_TO]->(n)
  WITH a, collect(l) AS links
  WITH a, links, all(l IN links WHERE type(l) IN ['PAID_WITH', 'SHIPS_TO']) AS moneyOnly
  WITH a, CASE WHEN moneyOnly THEN links ELSE [(a)-[p:PAID_WITH]->() | p] END AS paid,
       [(a)-[:MEMBER_OF]->(r:Ring) | r] AS rings
  WITH a, rings,
       reduce(s = 0, p IN paid | s + coalesce(p.count, 0) - coalesce(p.declines, 0)) AS orders,
       reduce(s = 0.0, p IN paid | s + coalesce(p.amount, 0.0)) AS amount,
       coalesce(a.risk, 0.0) >= $flag OR 'confirmed-fraud' IN coalesce(a.tags, []) OR any(r IN rings WHERE r.score >= $flag) AS flagged
  RETURN collect({account: a.key, risk: a.risk, flagged: flagged, orders: orders, amount: amount,
                  rings: [r IN rings | r.key]}) AS touched,
         [r IN collect(rings) | r] AS ringLists
}
WITH blocked, touched, ringLists
UNWIND CASE WHEN size(ringLists) = 0 THEN [null] ELSE reduce(acc = [], rs IN ringLists | acc + rs) END AS ring
WITH blocked, touched, ring, count(*) AS hit
WITH blocked, touched,
     collect(CASE WHEN ring IS NULL THEN null ELSE {id: ring.key, score: ring.score, size: ring.size, touched: hit} END) AS rings
RETURN [n IN blocked | {label: labels(n)[0], key: n.key, tags: coalesce(n.tags, [])}] AS blocked,
       size(touched) AS accounts,
       size([t IN touched WHERE t.flagged]) AS flaggedAccounts,
       reduce(s = 0, t IN touched | s + CASE WHEN t.flagged THEN t.orders ELSE 0 END) AS flaggedOrders,
       reduce(s = 0, t IN touched | s + CASE WHEN t.flagged THEN 0 ELSE t.orders END) AS unflaggedOrders,
       reduce(s = 0.0, t IN touched | s + CASE WHEN t.flagged THEN t.amount ELSE 0.0 END) AS flaggedAmount,
       reduce(s = 0.0, t IN touched | s + CASE WHEN t.flagged THEN 0.0 ELSE t.amount END) AS unflaggedAmount,
       rings,
       [t IN touched | t][..toInteger($maxAccounts)] AS sample
