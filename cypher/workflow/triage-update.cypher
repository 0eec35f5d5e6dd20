// Sets a ring's triage status and/or assignee and appends who, when and what (with the note) to
// its audit trail. The triage record lives apart from the Ring node, which each detection run
// replaces; ring ids are stable across runs, so the record follows the ring. The ring's tags get
// 'confirmed' or 'dismissed' (what detection reads as labels: detect/dismissed-rings).
MERGE (t:RingTriage {ringId: $ringId})
  ON CREATE SET t.status = 'new', t.events = [], t.confirmedAccounts = [], t.created = datetime()
SET t.status = coalesce($status, t.status),
    t.assignee = CASE WHEN $assignee IS NULL THEN t.assignee WHEN $assignee = '' THEN null ELSE $assignee END,
    t.updatedAt = datetime(),
    t.updatedBy = $by,
    t.events = t.events + [$event]
WITH t
OPTIONAL MATCH (r:Ring {key: $ringId})
FOREACH (ring IN CASE WHEN r IS NULL THEN [] ELSE [r] END |
  SET ring.tags = [x IN coalesce(ring.tags, []) WHERE NOT x IN ['confirmed', 'dismissed']] +
                  CASE WHEN t.status IN ['confirmed', 'dismissed'] THEN [t.status] ELSE [] END)
RETURN t
