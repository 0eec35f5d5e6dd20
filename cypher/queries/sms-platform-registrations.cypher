// Accounts registered with phone numbers that intel lists as SMS-platform / virtual numbers.
// @mode read
// @param since DateTime = 2000-01-01T00:00:00Z  only registrations after this time
// @param limit Int[1..10000] = 200  maximum rows
MATCH (a:Account)-[:HAS_PHONE]->(p:Phone)
WHERE any(t IN p.tags WHERE t IN ['sms-platform', 'virtual-number']) AND a.registeredAt >= datetime($since)
RETURN a.key AS account, p.key AS phone, p.tags AS tags, a.registeredAt AS registered, a.risk AS risk
ORDER BY registered DESC LIMIT $limit
