// The account pairs for grouping in the ringscope process, where the database has ringscope's
// procedure: every pair linked by shared identifiers (`hard`) or burst chains of one phone block,
// email stem or sign-up IP (`soft`, kinds 1 phone, 2 email, 4 IP), the same pairs
// gds-project-pairs.cypher projects, in batches with accounts by index (keys named once); $params
// carries the names gds-project.cypher takes. Without the procedure, shared-identifiers.cypher and
// the soft-signal statements are streamed instead (signals.ts).
CALL ringscope.accountLinks($params) YIELD keys, a, b, hard, soft, kinds
RETURN keys, a, b, hard, soft, kinds
