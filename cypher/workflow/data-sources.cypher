// The data sources loaded: each ingested file's source name (checkpoints of files loaded before
// sources were recorded have none and are left out).
MATCH (f:IngestFile)
WHERE f.source IS NOT NULL
RETURN DISTINCT f.source AS source
ORDER BY source
