// Accounts with a known label (fraud / legit) and their current risk, for evaluation.
MATCH (a:Account) WHERE a.label IS NOT NULL
RETURN a.key AS key, a.label AS label, a.risk AS risk
