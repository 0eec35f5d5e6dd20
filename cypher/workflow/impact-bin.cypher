// Cards of one BIN (first six to eight digits), for blocking a BIN.
MATCH (n:PaymentMethod)
WHERE n.bin = $bin OR n.key STARTS WITH 'bin:' + $bin
RETURN n.key AS key
LIMIT toInteger($limit)
