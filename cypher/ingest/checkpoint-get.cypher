// The ingest checkpoint of one file (keyed by a hash of its start, kind and mapping).
MATCH (f:IngestFile {key: $key})
RETURN f.rowsDone AS rowsDone, f.accepted AS accepted, f.rejected AS rejected,
       f.skipped AS skipped, f.skipReasons AS skipReasons, f.done AS done
