-- Who may write notes in a log, set by its holder: the holder only or every
-- contributor, and whether guardians may write notes too.
CREATE TABLE log_note_settings (
  log_id BIGINT PRIMARY KEY REFERENCES log(id),
  notes_by TEXT NOT NULL CHECK (notes_by IN ('holder', 'contributors')),
  guardians_may_write INTEGER NOT NULL CHECK (guardians_may_write IN (0, 1)),
  updated_at_ms BIGINT NOT NULL,
  updated_by_person_id BIGINT NOT NULL REFERENCES person(id)
);
