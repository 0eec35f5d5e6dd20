// Bench only (bench/scale.ts --fresh): removes what detection and the investigator workflow stored
// (rings, account risk and reasons, run history, triage), so the next detection runs as the first
// one after a load. The loaded logs are left alone.
CALL {
  MATCH (n) WHERE n:Ring OR n:DetectionRun OR n:RingChange OR n:RingTriage
  DETACH DELETE n
}
CALL {
  MATCH (a:Account) WHERE a.risk IS NOT NULL
  SET a.risk = null, a.riskReasons = null, a.riskDigest = null
}
RETURN 1 AS done
