-- Issue 8, the samhandlingsmodell's cooperation arenas (samhandlingsarenaer:
-- ressursteam, BTI-team, ansvarsgruppe ...): what they are for and who takes
-- part (the definition, versioned in model_change like the catalogues), and
-- their meetings with an agenda of cases and minutes. An anonymous case has
-- no person in it: an age band and a description only; a case from a
-- stafettlogg names the log, and its decision goes into the log as a
-- meeting entry when the consent allows it.
CREATE TABLE arena (
  id @ID@,
  municipality_id BIGINT NOT NULL REFERENCES municipality(id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  purpose TEXT NOT NULL CHECK (length(purpose) <= 10000),
  level_from INTEGER NOT NULL CHECK (level_from BETWEEN 0 AND 3),
  level_to INTEGER NOT NULL CHECK (level_to BETWEEN level_from AND 3),
  frequency TEXT NOT NULL CHECK (length(frequency) <= 300),
  children_attend TEXT NOT NULL CHECK (children_attend IN ('no', 'when_relevant', 'yes')),
  parents_attend TEXT NOT NULL CHECK (parents_attend IN ('no', 'when_relevant', 'yes')),
  how_to_bring TEXT NOT NULL CHECK (length(how_to_bring) <= 5000),
  anonymous_cases INTEGER NOT NULL CHECK (anonymous_cases IN (0, 1)),
  log_cases INTEGER NOT NULL CHECK (log_cases IN (0, 1)),
  is_public INTEGER NOT NULL CHECK (is_public IN (0, 1)),
  created_at_ms BIGINT NOT NULL
);
CREATE INDEX arena_by_municipality ON arena (municipality_id);

CREATE TABLE arena_member (
  arena_id BIGINT NOT NULL REFERENCES arena(id),
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  fixed INTEGER NOT NULL CHECK (fixed IN (0, 1)),  -- 1: always there; 0: called in when needed
  PRIMARY KEY (arena_id, unit_id)
);

CREATE TABLE arena_meeting (
  id @ID@,
  arena_id BIGINT NOT NULL REFERENCES arena(id),
  starts_at_ms BIGINT NOT NULL,
  place TEXT NOT NULL CHECK (length(place) <= 300),
  minutes TEXT NOT NULL CHECK (length(minutes) <= 20000),
  minutes_at_ms BIGINT,
  minutes_by_person_id BIGINT REFERENCES person(id),
  created_at_ms BIGINT NOT NULL,
  created_by_person_id BIGINT NOT NULL REFERENCES person(id)
);
CREATE INDEX arena_meeting_by_arena ON arena_meeting (arena_id, starts_at_ms);

CREATE TABLE arena_case (
  id @ID@,
  meeting_id BIGINT NOT NULL REFERENCES arena_meeting(id),
  kind TEXT NOT NULL CHECK (kind IN ('anonymous', 'log')),
  age_band TEXT CHECK (age_band IN ('0-2', '3-5', '6-9', '10-12', '13-15', '16-18', '19-25')),
  description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  log_id BIGINT REFERENCES log(id),
  brought_by_person_id BIGINT NOT NULL REFERENCES person(id),
  brought_at_ms BIGINT NOT NULL,
  decision TEXT,
  decided_at_ms BIGINT,
  decided_by_person_id BIGINT REFERENCES person(id),
  decision_entry_id BIGINT REFERENCES entry(id),
  CHECK ((kind = 'log') = (log_id IS NOT NULL)),
  CHECK (kind = 'log' OR age_band IS NOT NULL),
  CHECK ((decision IS NULL) = (decided_at_ms IS NULL)),
  CHECK (decision_entry_id IS NULL OR kind = 'log')
);
CREATE INDEX arena_case_by_meeting ON arena_case (meeting_id);
CREATE INDEX arena_case_by_log ON arena_case (log_id);
