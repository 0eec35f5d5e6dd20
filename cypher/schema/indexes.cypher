// Lookups by risk, time and canonical forms used by the API and detection.
CREATE INDEX account_risk IF NOT EXISTS FOR (n:Account) ON (n.risk);
CREATE INDEX account_registered IF NOT EXISTS FOR (n:Account) ON (n.registeredAt);
CREATE INDEX email_canonical IF NOT EXISTS FOR (n:Email) ON (n.canonical);
CREATE INDEX ring_score IF NOT EXISTS FOR (n:Ring) ON (n.score);
