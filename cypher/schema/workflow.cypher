// Investigator workflow: one triage record per ring id, one history entry per ring and run.
CREATE CONSTRAINT ring_triage_key IF NOT EXISTS FOR (n:RingTriage) REQUIRE n.ringId IS UNIQUE;
CREATE CONSTRAINT detection_run_key IF NOT EXISTS FOR (n:DetectionRun) REQUIRE n.key IS UNIQUE;
CREATE INDEX ring_change_ring IF NOT EXISTS FOR (n:RingChange) ON (n.ringId);
CREATE CONSTRAINT case_key IF NOT EXISTS FOR (n:Case) REQUIRE n.key IS UNIQUE;
