// ringscope's own procedures the database offers (registered by the embedded launcher; an external
// Neo4j has none unless installed there). Detection uses them when listed.
SHOW PROCEDURES YIELD name
WHERE name STARTS WITH 'ringscope.'
RETURN name
