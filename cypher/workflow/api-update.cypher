// An analyst's edit of an API's asset-table tags (controls, sensitivity, domain), with who, when
// and what in its audit trail (the same trail as entity flags); the fields edited are remembered.
MATCH (api:Api {key: $key})
SET api.controls = coalesce($controls, api.controls),
    api.sensitivity = coalesce($sensitivity, api.sensitivity),
    api.domain = coalesce($domain, api.domain),
    api.flags = coalesce(api.flags, []) + [$audit],
    // The fields an analyst set: a later ingest of the asset table leaves them as the analyst left them.
    api.analystEdited = reduce(acc = coalesce(api.analystEdited, []),
      f IN [x IN [['controls', $controls IS NOT NULL], ['sensitivity', $sensitivity IS NOT NULL], ['domain', $domain IS NOT NULL]] WHERE x[1] | x[0]] |
      CASE WHEN f IN acc THEN acc ELSE acc + f END)
RETURN api.key AS key
