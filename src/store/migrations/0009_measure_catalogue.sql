-- The municipality's measures catalogue (tiltaksoversikt): the measures on
-- offer, which a measure in a stafettlogg can be picked from. Rows are never
-- deleted: a measure no longer offered is retired, so logs that used it
-- still name it.
CREATE TABLE catalogue_measure (
  id @ID@,
  municipality_id BIGINT NOT NULL REFERENCES municipality(id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  description TEXT NOT NULL CHECK (length(description) <= 10000),
  level_from INTEGER NOT NULL CHECK (level_from BETWEEN 0 AND 3),
  level_to INTEGER NOT NULL CHECK (level_to BETWEEN level_from AND 3),
  provider_unit_id BIGINT REFERENCES unit(id),
  how_to_request TEXT NOT NULL CHECK (length(how_to_request) <= 2000),
  created_at_ms BIGINT NOT NULL,
  retired_at_ms BIGINT
);
CREATE INDEX catalogue_measure_by_municipality ON catalogue_measure (municipality_id);
