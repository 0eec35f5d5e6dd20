// IPs whose canonical text starts with a prefix ('10.1.' for 10.1.0.0/16, then matched exactly
// against the range in code), for blocking an IP range. Uses the key constraint's index.
MATCH (n:IP) WHERE n.key STARTS WITH $prefix
RETURN n.key AS key
LIMIT toInteger($limit)
