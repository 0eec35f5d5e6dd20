// Version and edition of the connected Neo4j server, for /health.
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
