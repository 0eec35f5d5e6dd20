// After a bulk import: the offline importer leaves an empty list out, while the transactional
// ingest creates every entity with tags = []; this gives the imported entities the same.
MATCH (n)
WHERE n.tags IS NULL AND NOT n:IngestFile
CALL { WITH n SET n.tags = [] } IN TRANSACTIONS OF 20000 ROWS
