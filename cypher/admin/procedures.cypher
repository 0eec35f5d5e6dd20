// ringscope's own procedures and Graph Data Science's grouping ones the database offers (the
// embedded launcher registers both; an external Neo4j has them only where installed). Detection
// and ingest use them when listed.
SHOW PROCEDURES YIELD name
WHERE name STARTS WITH 'ringscope.' OR name STARTS WITH 'gds.'
RETURN name
