// One ring's triage record (status, assignee, audit trail); no row when it was never triaged.
MATCH (t:RingTriage {ringId: $ringId})
RETURN t.status AS status, t.assignee AS assignee, t.updatedAt AS updatedAt, t.updatedBy AS updatedBy, t.events AS events
