// Tool nodes with their category and intel tags.
MATCH (t:Tool)
RETURN t.key AS key, t.category AS category, coalesce(t.tags, []) AS tags
