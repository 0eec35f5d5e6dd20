// What scoring needs to know about each account of a candidate ring.
UNWIND $keys AS key
MATCH (a:Account {key: key})
RETURN a.key AS key,
       a.registeredAt.epochMillis AS registered,
       a.label AS label,
       COUNT { (a)-[:USED_IP]->(ip:IP) WHERE any(t IN ip.tags WHERE t IN ['proxy', 'datacenter', 'tor', 'vpn']) } AS proxyIps,
       COUNT { (a)-[:HAS_PHONE]->(p:Phone) WHERE any(t IN p.tags WHERE t IN ['sms-platform', 'virtual-number']) } AS smsPhones,
       [(a)-[:RAN]->(t:Tool) | t.key] AS tools,
       [(a)-[c:CALLED]->(api:Api) | {api: api.key, count: c.count, sensitivity: api.sensitivity, controls: coalesce(api.controls, [])}] AS apis,
       reduce(s = 0, r IN [(a)-[p:PAID_WITH]->() | p.declines] | s + r) AS declines,
       reduce(s = 0, r IN [(a)-[p:PAID_WITH]->() | p.chargebacks] | s + r) AS chargebacks,
       reduce(s = 0, r IN [(a)-[p:PAID_WITH]->() | p.refunds] | s + r) AS refunds,
       reduce(s = 0, r IN [(a)-[p:PAID_WITH]->() | p.count] | s + r) AS payments,
       reduce(s = 0, r IN [(a)-[u:USED_IP|USED_DEVICE]->() | u.failures] | s + r) AS failures
