// After a bulk import: an API asset row with no controls stores controls = [] (api-assets.cypher);
// the offline importer leaves an empty list out.
MATCH (n:Api)
WHERE n.method IS NOT NULL AND n.controls IS NULL
SET n.controls = []
