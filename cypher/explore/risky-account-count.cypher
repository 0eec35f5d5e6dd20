// How many accounts have risk at or above $minRisk (and above 0), for paging totals.
MATCH (a:Account)
WHERE a.risk >= $minRisk AND a.risk > 0
RETURN count(a) AS total
