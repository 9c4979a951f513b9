-- The content of a log: goals, measures, evaluations (and later meetings,
-- tasks, notes and lysglimt) as entries. An entry's text lives in versions:
-- a correction adds a version and never overwrites one, so earlier text stays
-- available to those allowed to see it. 0007 makes all of it append-only.

CREATE TABLE entry (
  id @ID@,
  log_id BIGINT NOT NULL REFERENCES log(id),
  kind TEXT NOT NULL CHECK (kind IN ('goal', 'measure', 'evaluation', 'meeting', 'task', 'note', 'highlight')),
  category TEXT NOT NULL CHECK (category IN ('basic', 'goals_measures', 'meetings', 'notes', 'health')),
  visibility TEXT NOT NULL CHECK (visibility IN ('everyone', 'hidden_from_guardians')),
  hidden_reason TEXT,
  legal_reference TEXT,
  parent_entry_id BIGINT REFERENCES entry(id),  -- an evaluation's measure
  author_person_id BIGINT NOT NULL REFERENCES person(id),
  author_unit_id BIGINT REFERENCES unit(id),
  created_at_ms BIGINT NOT NULL,
  CHECK ((visibility = 'hidden_from_guardians') = (hidden_reason IS NOT NULL AND legal_reference IS NOT NULL))
);
CREATE INDEX entry_by_log ON entry (log_id);

CREATE TABLE entry_version (
  id @ID@,
  entry_id BIGINT NOT NULL REFERENCES entry(id),
  version INTEGER NOT NULL CHECK (version >= 1),
  body TEXT NOT NULL CHECK (length(body) BETWEEN 2 AND 200000),  -- the kind's fields as JSON
  author_person_id BIGINT NOT NULL REFERENCES person(id),
  created_at_ms BIGINT NOT NULL,
  correction_reason TEXT,
  CHECK ((version = 1) = (correction_reason IS NULL)),
  UNIQUE (entry_id, version)
);

-- Which goals a measure serves.
CREATE TABLE entry_link (
  from_entry_id BIGINT NOT NULL REFERENCES entry(id),
  to_entry_id BIGINT NOT NULL REFERENCES entry(id),
  kind TEXT NOT NULL CHECK (kind IN ('serves_goal', 'from_decision')),
  PRIMARY KEY (from_entry_id, to_entry_id, kind)
);
