// Opens a case: its entity ids, and the first entry of its action timeline (JSON strings).
CREATE (c:Case {key: $id, title: $title, createdAt: datetime(), createdBy: $by, updatedAt: datetime(),
                entities: $entities, notes: $notes, views: [], timeline: [$event]})
RETURN c.key AS id
