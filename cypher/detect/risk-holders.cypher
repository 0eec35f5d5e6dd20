// Accounts that hold a risk from the previous detection run, with the digest of their risk and
// reasons (null when written before digests were kept). The account_risk index answers it without
// reading other accounts.
MATCH (a:Account) WHERE a.risk IS NOT NULL
RETURN a.key AS key, a.riskDigest AS digest
