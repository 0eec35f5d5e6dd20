// Benchmark baseline only: the textbook two-hop expansion, a variable-length pattern from the
// account with no per-node cap (a CGNAT IP drags in its whole crowd), cut at $limit paths.
MATCH p = (a:Account {key: $key})-[*1..2]-(m)
RETURN p
LIMIT toInteger($limit)
