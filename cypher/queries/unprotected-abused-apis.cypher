// Defence blind spots: sensitive APIs called by ring members where neither captcha nor rate
// limiting is among the endpoint's controls.
// @mode read
// @param minRisk Float[0..1] = 0.5  ring score counting as fraud
// @param limit Int[1..10000] = 50  maximum rows
MATCH (api:Api)<-[c:CALLED]-(a:Account)
WHERE api.sensitivity IN ['high', 'critical'] AND NOT any(x IN coalesce(api.controls, []) WHERE x IN ['captcha', 'rate-limit'])
  AND a.risk >= $minRisk
RETURN api.key AS api, api.sensitivity AS sensitivity, api.controls AS controls, count(DISTINCT a) AS riskyAccounts, sum(c.count) AS calls
ORDER BY riskyAccounts DESC LIMIT $limit
