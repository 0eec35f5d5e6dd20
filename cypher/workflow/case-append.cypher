// Adds to a case: entity ids not in it yet, notes, saved views and timeline entries (JSON strings).
MATCH (c:Case {key: $id})
SET c.entities = c.entities + [e IN $entities WHERE NOT e IN c.entities],
    c.notes = c.notes + $notes,
    c.views = c.views + $views,
    c.timeline = c.timeline + $events,
    c.updatedAt = datetime()
RETURN c.key AS id
