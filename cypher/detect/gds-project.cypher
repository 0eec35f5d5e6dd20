// Graph Data Science (detect --engine gds): projects the account–account link graph into GDS's
// catalogue as $graphName, computed inside Neo4j from the same signals and weights as the
// in-process graph (signals.ts, weights.ts): each identifier shared by 2..$maxShare accounts links
// every pair of them with its weight (base by kind, lowered for crowds, raised by risky intel,
// silenced by benign intel), and accounts of one phone block, email stem or sign-up IP registered
// in a burst are linked with a soft weight. Every linked pair is projected, with properties:
// - `weight`, the summed weight (detection's fraud-proximity walk reads every pair);
// - `linkedHard`, for a pair whose weight reaches $threshold (one grouping counts), the part from
//   shared identifiers alone (grouping.ts treats the rest apart); -1 for a pair below it;
// - `kinds`, the soft signals behind the pair: 1 phone block, 2 email stem, 4 sign-up IP, summed.
CALL {
  MATCH (n)
  WHERE (n:Device OR n:PaymentMethod OR n:Phone OR n:Email OR n:Address OR n:IP)
  WITH n, COUNT { (n)<-[:USED_DEVICE|PAID_WITH|HAS_PHONE|HAS_EMAIL|SHIPS_TO|USED_IP]-(:Account) } AS degree, coalesce(n.tags, []) AS tags
  WHERE degree >= 2 AND degree <= $maxShare AND NONE(t IN tags WHERE t IN $benignTags)
  WITH n,
       CASE labels(n)[0]
         WHEN 'PaymentMethod' THEN 1.0 WHEN 'Device' THEN 1.0 WHEN 'Phone' THEN 1.0
         WHEN 'Email' THEN 0.8 WHEN 'Address' THEN 0.5 WHEN 'IP' THEN 0.35 ELSE 0.0
       END
       * CASE WHEN degree <= 4 THEN 1.0 ELSE (4.0 / degree) ^ 0.75 END
       * CASE WHEN ANY(t IN tags WHERE t IN $riskyTags) THEN 1.5 ELSE 1.0 END AS w
  WHERE w > 0
  MATCH (n)<-[:USED_DEVICE|PAID_WITH|HAS_PHONE|HAS_EMAIL|SHIPS_TO|USED_IP]-(a:Account)
  WITH n, w, collect(DISTINCT a) AS ms
  UNWIND range(0, size(ms) - 2) AS i
  UNWIND range(i + 1, size(ms) - 1) AS j
  RETURN ms[i] AS a, ms[j] AS b, w AS hard, 0.0 AS soft, 0 AS kind
  UNION ALL
  // Phone blocks: chains of registrations no more than $phoneWindow apart, of $phoneChain or more.
  MATCH (p:Phone)<-[:HAS_PHONE]-(a:Account)
  WHERE p.block IS NOT NULL AND a.registeredAt IS NOT NULL
  WITH p.block AS block, collect(DISTINCT {account: a, registered: a.registeredAt.epochMillis}) AS members,
       sum(CASE WHEN 'sms-platform' IN coalesce(p.tags, []) THEN 1 ELSE 0 END) AS tagged
  WHERE size(members) >= $phoneMinAccounts AND size(members) <= $maxShare
  UNWIND members AS m
  WITH block, CASE WHEN tagged > 0 THEN $phoneTaggedWeight ELSE $phoneWeight END AS w, m ORDER BY m.registered
  WITH block, w, collect(m) AS ms
  WITH block, w, ms, [i IN range(0, size(ms) - 1) |
         size([j IN range(1, i) WHERE ms[j].registered - ms[j - 1].registered > $phoneWindow])] AS chainOf
  UNWIND range(0, size(ms) - 1) AS i
  WITH block, w, chainOf[i] AS c, collect(ms[i].account) AS chain
  WHERE size(chain) >= $phoneChain
  UNWIND range(0, size(chain) - 2) AS i
  UNWIND range(i + 1, size(chain) - 1) AS j
  WITH chain[i] AS a, chain[j] AS b, w WHERE a <> b
  RETURN a, b, 0.0 AS hard, w AS soft, 1 AS kind
  UNION ALL
  // Email stems: chains of registrations no more than $emailWindow apart, of $emailChain or more.
  MATCH (e:Email)<-[:HAS_EMAIL]-(a:Account)
  WHERE e.stem IS NOT NULL AND a.registeredAt IS NOT NULL
  WITH e.stem AS stem, collect({account: a, registered: a.registeredAt.epochMillis}) AS members
  WHERE size(members) >= $emailMinAccounts AND size(members) <= $maxShare
  UNWIND members AS m
  WITH stem, m ORDER BY m.registered
  WITH stem, collect(m) AS ms
  WITH stem, ms, [i IN range(0, size(ms) - 1) |
         size([j IN range(1, i) WHERE ms[j].registered - ms[j - 1].registered > $emailWindow])] AS chainOf
  UNWIND range(0, size(ms) - 1) AS i
  WITH stem, chainOf[i] AS c, collect(ms[i].account) AS chain
  WHERE size(chain) >= $emailChain
  UNWIND range(0, size(chain) - 2) AS i
  UNWIND range(i + 1, size(chain) - 1) AS j
  WITH chain[i] AS a, chain[j] AS b WHERE a <> b
  RETURN a, b, 0.0 AS hard, $emailWeight AS soft, 2 AS kind
  UNION ALL
  // Sign-ups through one IP (not a benign crowd): chains no more than $ipWindow apart, of $ipChain or more.
  MATCH (ip:IP)
  WHERE COUNT { (ip)<-[:USED_IP]-() } >= 2 AND NONE(t IN coalesce(ip.tags, []) WHERE t IN $benignTags)
  MATCH (ip)<-[:USED_IP]-(a:Account)
  WHERE a.registeredAt IS NOT NULL
  WITH ip, collect({account: a, registered: a.registeredAt.epochMillis}) AS members
  WHERE size(members) >= $ipMinAccounts AND size(members) <= $maxShare
  UNWIND members AS m
  WITH ip, m ORDER BY m.registered
  WITH ip, collect(m) AS ms
  WITH ip, ms, [i IN range(0, size(ms) - 1) |
         size([j IN range(1, i) WHERE ms[j].registered - ms[j - 1].registered > $ipWindow])] AS chainOf
  UNWIND range(0, size(ms) - 1) AS i
  WITH ip, chainOf[i] AS c, collect(ms[i].account) AS chain
  WHERE size(chain) >= $ipChain
  UNWIND range(0, size(chain) - 2) AS i
  UNWIND range(i + 1, size(chain) - 1) AS j
  WITH chain[i] AS a, chain[j] AS b WHERE a <> b
  RETURN a, b, 0.0 AS hard, $ipWeight AS soft, 4 AS kind
}
WITH CASE WHEN elementId(a) < elementId(b) THEN a ELSE b END AS a,
     CASE WHEN elementId(a) < elementId(b) THEN b ELSE a END AS b, hard, soft, kind
WITH a, b, sum(hard) AS hard, sum(soft) AS soft, max(kind % 2) AS phone, max(kind / 2 % 2) AS email, max(kind / 4) AS ip
WHERE hard + soft > 0
WITH gds.graph.project($graphName, a, b,
       {relationshipProperties: {
          weight: hard + soft,
          linkedHard: CASE WHEN hard + soft >= $threshold THEN hard ELSE -1.0 END,
          kinds: phone + 2 * email + 4 * ip
       }},
       {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodes, g.relationshipCount AS links
