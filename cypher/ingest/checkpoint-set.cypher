// Advances a file's checkpoint in the same transaction as the batch it covers (exact resume).
// Only from $from, where the batch before this one left it: the SET takes the node's write lock
// (waiting for that batch to commit) before the committed value is compared, so batches commit in
// file order even while one runs its statements as the previous one commits. advanced = 0 tells
// the caller the previous batch has not committed (it failed and is being retried).
// The cached plan is kept while the graph grows (see server/src/ingest/write-batch.ts).
CYPHER replan=skip
MERGE (f:IngestFile {key: $key})
  ON CREATE SET f.created = datetime(), f.rowsDone = $from
SET f.updated = datetime()
WITH f
WHERE f.rowsDone = $from
SET f.name = $name, f.source = $source, f.kind = $kind, f.rowsDone = $rowsDone, f.accepted = $accepted,
    f.rejected = $rejected, f.skipped = $skipped, f.skipReasons = $skipReasons, f.done = $done
RETURN count(f) AS advanced
