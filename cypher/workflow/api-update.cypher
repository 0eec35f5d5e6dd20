// An analyst's edit of an API's asset-table tags (controls, sensitivity, domain), with who, when
// and what in its audit trail (the same trail as entity flags).
MATCH (api:Api {key: $key})
SET api.controls = coalesce($controls, api.controls),
    api.sensitivity = coalesce($sensitivity, api.sensitivity),
    api.domain = coalesce($domain, api.domain),
    api.flags = coalesce(api.flags, []) + [$audit]
RETURN api.key AS key
