// Removes the previous rings and their memberships (account risk is replaced by write-account-risk
// and clear-account-risk, so an account whose risk did not change is not written again).
MATCH (r:Ring) DETACH DELETE r
