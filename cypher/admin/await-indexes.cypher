// Waits until every index is online (after the schema is applied on a fresh database).
CALL db.awaitIndexes(300)
