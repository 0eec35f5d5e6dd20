// Persists account risk: the score and its reasons (JSON text) on each scored account.
UNWIND $rows AS row
MATCH (a:Account {key: row.key})
SET a.risk = row.risk, a.riskReasons = row.reasons
