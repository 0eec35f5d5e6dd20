// Keys of the accounts that hold a risk from the previous detection run (the account_risk index
// answers it without reading other accounts).
MATCH (a:Account) WHERE a.risk IS NOT NULL
RETURN a.key AS key
