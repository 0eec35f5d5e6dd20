// Phones of one number block (E.164 prefix such as '+1202555'), for blocking the block.
MATCH (n:Phone) WHERE n.key STARTS WITH $prefix
RETURN n.key AS key
LIMIT toInteger($limit)
