// The APIs a ring's members call most, with the endpoint's sensitivity and controls.
// @mode read
// @param ringId String  the ring id
// @param limit Int[1..10000] = 20  maximum rows
MATCH (:Ring {key: $ringId})<-[:MEMBER_OF]-(a:Account)-[c:CALLED]->(api:Api)
RETURN api.key AS api, api.sensitivity AS sensitivity, api.controls AS controls, count(DISTINCT a) AS members, sum(c.count) AS calls
ORDER BY members DESC, calls DESC LIMIT $limit
