// Benchmark baseline only: one-hop expansion as a plain pattern, no per-node cap or ordering.
MATCH (a:Account {key: $key})-[r]-(m)
RETURN a, r, m
LIMIT toInteger($limit)
