// Members of rings an investigator dismissed (tagged 'dismissed' or 'legit'): training negatives.
MATCH (r:Ring)<-[:MEMBER_OF]-(a:Account)
WHERE any(t IN coalesce(r.tags, []) WHERE t IN ['dismissed', 'legit', 'false-positive'])
RETURN DISTINCT a.key AS key
