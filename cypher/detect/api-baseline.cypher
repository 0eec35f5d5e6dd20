// How many accounts call each API endpoint: the baseline against which ring behaviour is compared.
MATCH (api:Api)
RETURN api.key AS api, COUNT { (api)<-[:CALLED]-(:Account) } AS users
