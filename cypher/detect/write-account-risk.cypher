// Persists account risk: the score and its reasons (JSON text) on each scored account. Setting a
// property to the value it already has writes nothing, so a run over unchanged data commits little.
UNWIND $rows AS row
MATCH (a:Account {key: row.key})
SET a.risk = row.risk, a.riskReasons = row.reasons
