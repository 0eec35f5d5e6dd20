// What ring scoring reads for each account of a candidate ring besides the risk feature table: the
// tools it ran and the APIs it called (with the API's sensitivity and controls).
UNWIND $keys AS key
MATCH (a:Account {key: key})
RETURN a.key AS key,
       [(a)-[:RAN]->(t:Tool) | t.key] AS tools,
       [(a)-[c:CALLED]->(api:Api) | {api: api.key, count: c.count, sensitivity: api.sensitivity, controls: coalesce(api.controls, [])}] AS apis
