// Graph Data Science: frees the projected link graph (no error when it is already gone).
CALL gds.graph.drop($graphName, false) YIELD graphName
RETURN graphName
