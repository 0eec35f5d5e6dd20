// Clears the risk and reasons of the given accounts: those with a risk from the previous run and
// none in this one.
UNWIND $keys AS key
MATCH (a:Account {key: key})
SET a.risk = null, a.riskReasons = null, a.riskDigest = null
