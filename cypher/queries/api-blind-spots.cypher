// Defence blind spots: APIs (not low-sensitivity) without captcha, rate limit, device check, risk
// engine, bot detection, MFA, OTP or 3-D Secure, called by flagged accounts; ranked by their calls, then by the
// money those accounts paid. The same list as the web app's API view (model/controls.ts).
// @mode read
// @param minRisk Float = 0.5  account risk or ring score counting as flagged
// @param limit Int = 50  maximum rows
MATCH (api:Api)
WHERE coalesce(api.sensitivity, '') <> 'low'
  AND NOT any(x IN coalesce(api.controls, []) WHERE x IN ['captcha', 'rate-limit', 'device-check', 'risk-engine', 'bot-detection', 'mfa', 'otp', '3ds'])
MATCH (api)<-[c:CALLED]-(a:Account)
WHERE coalesce(a.risk, 0.0) >= $minRisk OR 'confirmed-fraud' IN coalesce(a.tags, [])
   OR EXISTS { (a)-[:MEMBER_OF]->(r:Ring) WHERE r.score >= $minRisk }
WITH api, count(DISTINCT a) AS abusers, sum(c.count) AS calls, collect(DISTINCT a) AS accounts
RETURN api.key AS api, api.domain AS domain, api.sensitivity AS sensitivity, coalesce(api.controls, []) AS controls,
       abusers, calls,
       reduce(s = 0.0, x IN accounts | s + reduce(t = 0.0, p IN [(x)-[p:PAID_WITH]->() | coalesce(p.amount, 0.0)] | t + p)) AS moneyAtStake
ORDER BY calls DESC, moneyAtStake DESC, api LIMIT $limit
