// Node and relationship counts, answered from the count store (constant time).
CALL { MATCH (n) RETURN count(n) AS nodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL { MATCH (a:Account) RETURN count(a) AS accounts }
CALL { MATCH (g:Ring) RETURN count(g) AS rings }
RETURN nodes, relationships, accounts, rings
