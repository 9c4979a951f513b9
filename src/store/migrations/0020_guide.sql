-- Issue 7, the handlingsveileder. A municipality's guide is a JSON document
-- (docs/guide-content.md). Published versions are immutable (0021); the BTI
-- coordinator edits one working draft. A municipality without a published
-- version shows the default document that ships with Stafett.
CREATE TABLE guide_version (
  id @ID@,
  municipality_id BIGINT NOT NULL REFERENCES municipality(id),
  number INTEGER NOT NULL CHECK (number >= 1),
  document TEXT NOT NULL CHECK (length(document) BETWEEN 2 AND 1000000),
  summary TEXT NOT NULL CHECK (length(summary) <= 500),
  published_at_ms BIGINT NOT NULL,
  published_by_person_id BIGINT REFERENCES person(id),  -- NULL: installed by the system
  UNIQUE (municipality_id, number)
);

CREATE TABLE guide_draft (
  municipality_id BIGINT PRIMARY KEY REFERENCES municipality(id),
  document TEXT NOT NULL CHECK (length(document) BETWEEN 2 AND 1000000),
  based_on_number INTEGER,
  updated_at_ms BIGINT NOT NULL,
  updated_by_person_id BIGINT NOT NULL REFERENCES person(id)
);

-- A tool's form filled in by an employee (an undringsnotat, an observation...).
-- A draft until submitted; a submitted record belongs to the unit, keeps its
-- answers and the form they answered for good, and is attached to at most one
-- stafettlogg, once (0021 enforces it).
CREATE TABLE tool_record (
  id @ID@,
  municipality_id BIGINT NOT NULL REFERENCES municipality(id),
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  author_person_id BIGINT NOT NULL REFERENCES person(id),
  tool_key TEXT NOT NULL CHECK (length(tool_key) BETWEEN 1 AND 60),
  guide_version_id BIGINT REFERENCES guide_version(id),  -- NULL: the default document
  tool TEXT NOT NULL CHECK (length(tool) BETWEEN 2 AND 1000000),  -- the tool as it was filled in
  answers TEXT NOT NULL CHECK (length(answers) BETWEEN 2 AND 1000000),
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
  outcome TEXT CHECK (outcome IN ('closed', 'in_unit', 'attached')),
  created_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL,
  submitted_at_ms BIGINT,
  log_id BIGINT REFERENCES log(id),
  attached_at_ms BIGINT,
  attached_by_person_id BIGINT REFERENCES person(id),
  CHECK ((status = 'submitted') = (submitted_at_ms IS NOT NULL)),
  CHECK (outcome IS NULL OR status = 'submitted'),
  CHECK ((log_id IS NULL) = (attached_at_ms IS NULL)),
  CHECK ((log_id IS NULL) = (attached_by_person_id IS NULL)),
  CHECK ((COALESCE(outcome, '') = 'attached') = (log_id IS NOT NULL))
);
CREATE INDEX tool_record_by_unit ON tool_record (unit_id, status);
CREATE INDEX tool_record_by_log ON tool_record (log_id);
