-- Issue 8, the samhandlingsmodell. The service catalogue (tjenesteoversikt):
-- each unit's description for the public and how to reach it. A row holds
-- the current text; every saved state is also a row in model_change, the
-- history of everything in the model (append-only, 0025).
CREATE TABLE unit_profile (
  unit_id BIGINT PRIMARY KEY REFERENCES unit(id),
  description TEXT NOT NULL CHECK (length(description) <= 5000),
  age_from INTEGER NOT NULL CHECK (age_from BETWEEN 0 AND 25),
  age_to INTEGER NOT NULL CHECK (age_to BETWEEN age_from AND 25),
  needs TEXT NOT NULL CHECK (length(needs) <= 500),    -- need codes, comma separated
  levels TEXT NOT NULL CHECK (length(levels) <= 20),   -- BTI levels worked at, e.g. '0,1,2'
  phone TEXT NOT NULL CHECK (length(phone) <= 30),
  address TEXT NOT NULL CHECK (length(address) <= 300),
  opening_hours TEXT NOT NULL CHECK (length(opening_hours) <= 500),
  contact_form_url TEXT NOT NULL CHECK (length(contact_form_url) <= 500),
  referral_needed INTEGER NOT NULL CHECK (referral_needed IN (0, 1)),
  is_public INTEGER NOT NULL CHECK (is_public IN (0, 1)),
  updated_at_ms BIGINT NOT NULL,
  updated_by_person_id BIGINT REFERENCES person(id)  -- NULL: the system (demo data)
);

-- Every saved state of an item of the model (a service's profile, a measure,
-- later arenas and plans) as a JSON snapshot of all its fields, numbered per
-- item: the history the coordinator reads and diffs.
CREATE TABLE model_change (
  id @ID@,
  municipality_id BIGINT NOT NULL REFERENCES municipality(id),
  kind TEXT NOT NULL CHECK (kind IN ('service', 'measure', 'arena', 'plan')),
  item_id BIGINT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  snapshot TEXT NOT NULL CHECK (length(snapshot) BETWEEN 2 AND 200000),
  summary TEXT NOT NULL CHECK (length(summary) <= 500),
  saved_at_ms BIGINT NOT NULL,
  saved_by_person_id BIGINT REFERENCES person(id),
  UNIQUE (kind, item_id, version)
);
CREATE INDEX model_change_by_municipality ON model_change (municipality_id, saved_at_ms);
