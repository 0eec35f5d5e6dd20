// Benchmark check: nodes and relationships of the built graph, without ingest checkpoints (the
// LOAD CSV baseline keeps none), answered from the count store.
CALL { MATCH (n) RETURN count(n) AS all }
CALL { MATCH (f:IngestFile) RETURN count(f) AS files }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN all - files AS nodes, relationships
