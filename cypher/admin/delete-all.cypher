// Deletes every node and relationship in batches (used by tests and `ringscope db reset`).
MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
