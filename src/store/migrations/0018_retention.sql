-- Retention (issue 6, item 6): how long each municipality keeps its closed
-- logs and the access records of closed logs, in days. NULL: kept until the
-- municipality decides (nothing is removed by default).
CREATE TABLE retention_settings (
  municipality_id BIGINT PRIMARY KEY REFERENCES municipality(id),
  closed_log_days INTEGER CHECK (closed_log_days IS NULL OR closed_log_days BETWEEN 30 AND 36500),
  access_record_days INTEGER CHECK (access_record_days IS NULL OR access_record_days BETWEEN 30 AND 36500),
  updated_at_ms BIGINT NOT NULL,
  updated_by_person_id BIGINT REFERENCES person(id)
);

-- The one sanctioned way past the append-only rules (0019): a retention run
-- puts a row here inside its own transaction and takes it out again before
-- it commits, so no other transaction ever sees one.
CREATE TABLE retention_gate (
  run TEXT NOT NULL
);
