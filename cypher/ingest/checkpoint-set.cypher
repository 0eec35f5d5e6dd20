// Advances a file's checkpoint in the same transaction as the batch it covers (exact resume).
MERGE (f:IngestFile {key: $key})
  ON CREATE SET f.created = datetime()
SET f.name = $name, f.kind = $kind, f.rowsDone = $rowsDone, f.accepted = $accepted,
    f.rejected = $rejected, f.done = $done, f.updated = datetime()
