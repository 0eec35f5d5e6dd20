// Shortest connection between two accounts through shared identifiers (not through rings).
// @mode read
// @param from AccountKey  first account key
// @param to AccountKey  second account key
MATCH (a:Account {key: $from}), (b:Account {key: $to})
MATCH p = shortestPath((a)-[*..6]-(b))
WHERE none(x IN nodes(p) WHERE x:Ring)
RETURN p AS path, length(p) AS hops
