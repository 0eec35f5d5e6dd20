// Accounts whose risk is at or above $minRisk (evaluation against truth).
MATCH (a:Account) WHERE a.risk >= $minRisk
RETURN a.key AS key
