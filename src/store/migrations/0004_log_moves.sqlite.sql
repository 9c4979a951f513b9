-- A log's home municipality changes when the child moves and a unit of the
-- new municipality accepts the holder role. Every move is recorded here,
-- append-only.
CREATE TABLE log_move (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  log_id BIGINT NOT NULL REFERENCES log(id),
  from_municipality_id BIGINT NOT NULL REFERENCES municipality(id),
  to_municipality_id BIGINT NOT NULL REFERENCES municipality(id),
  by_person_id BIGINT NOT NULL REFERENCES person(id),
  at_ms BIGINT NOT NULL,
  CHECK (from_municipality_id <> to_municipality_id)
);
CREATE INDEX log_move_by_log ON log_move (log_id);
CREATE TRIGGER log_move_append_only_u BEFORE UPDATE ON log_move BEGIN SELECT RAISE(ABORT, 'append-only: log_move'); END;
CREATE TRIGGER log_move_append_only_d BEFORE DELETE ON log_move BEGIN SELECT RAISE(ABORT, 'append-only: log_move'); END;
