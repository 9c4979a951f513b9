-- Municipalities (kommuner): every other record will belong to one.
CREATE TABLE municipality (
  id @ID@,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kommunenummer TEXT NOT NULL UNIQUE CHECK (length(kommunenummer) = 4),
  created_at_ms BIGINT NOT NULL
);
