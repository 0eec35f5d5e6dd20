// Benchmark check: totals over every aggregated relationship, to show two ingest designs built
// the same graph (not only the same number of nodes and relationships).
MATCH ()-[r]->()
RETURN sum(coalesce(r.count, 0)) AS events, round(sum(coalesce(r.amount, 0.0)), 2) AS amount,
       sum(coalesce(r.declines, 0)) AS declines, sum(coalesce(r.chargebacks, 0)) AS chargebacks,
       sum(coalesce(r.refunds, 0)) AS refunds, sum(coalesce(r.failures, 0)) AS failures
