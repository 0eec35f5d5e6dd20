// One case in full.
MATCH (c:Case {key: $id})
RETURN c.key AS id, c.title AS title, c.createdAt AS createdAt, c.createdBy AS createdBy, c.updatedAt AS updatedAt,
       c.entities AS entities, c.notes AS notes, c.views AS views, c.timeline AS timeline
