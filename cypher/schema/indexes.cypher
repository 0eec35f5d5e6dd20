// Lookups by risk, time and canonical forms used by the API and detection.
CREATE INDEX account_risk IF NOT EXISTS FOR (n:Account) ON (n.risk);
CREATE INDEX account_registered IF NOT EXISTS FOR (n:Account) ON (n.registeredAt);
CREATE INDEX email_canonical IF NOT EXISTS FOR (n:Email) ON (n.canonical);
CREATE INDEX ring_score IF NOT EXISTS FOR (n:Ring) ON (n.score);
// Search over words inside keys (API paths and methods, address words, tool names), tags, card
// BIN and last 4, ring attack types and reasons: one full-text index over every entity label.
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Account|Device|IP|PaymentMethod|Phone|Email|Address|Api|Tool|Ring)
ON EACH [n.key, n.tags, n.bin, n.last4, n.attackType, n.reasons]
// Eventually consistent: Lucene updates leave the commit path, so ingest does not wait for them.
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: true}};
