// Waits until every index is online (after the schema is applied on a fresh database, or on a
// bulk-imported store, where every index is populated at once: at 100k accounts on the loaded
// 2-core machine that took longer than 300 s and the bulk load failed at its last step).
CALL db.awaitIndexes(3600)
