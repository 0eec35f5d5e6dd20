// Cases, most recently changed first.
MATCH (c:Case)
RETURN c.key AS id, c.title AS title, c.createdAt AS createdAt, c.createdBy AS createdBy, c.updatedAt AS updatedAt,
       size(c.entities) AS entities, size(c.views) AS views
ORDER BY c.updatedAt DESC
LIMIT 200
