// Persists account risk: the score, its reasons (JSON text) and their digest (detect/persist.ts) on
// each account whose risk changed since the previous run.
UNWIND $rows AS row
MATCH (a:Account {key: row.key})
SET a.risk = row.risk, a.riskReasons = row.reasons, a.riskDigest = row.digest
