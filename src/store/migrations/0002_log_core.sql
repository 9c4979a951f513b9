-- The stafettlogg core: units, people, employments, parental responsibility,
-- logs, participants, the holder, handovers, consents and sessions.
-- Times are milliseconds since the epoch (UTC). Nothing here is deleted by a
-- user action; 0003 adds the triggers that make that a database rule.

CREATE TABLE unit (
  id @ID@,
  municipality_id BIGINT NOT NULL REFERENCES municipality(id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  service_type TEXT NOT NULL CHECK (service_type IN ('kindergarten', 'school', 'health_station', 'ppt',
    'child_welfare', 'nav', 'culture_leisure', 'specialist_health', 'voluntary', 'other')),
  created_at_ms BIGINT NOT NULL
);

-- The municipalities a unit serves (always including its own): shared PPT,
-- child welfare or health services work for several small municipalities.
CREATE TABLE unit_serves (
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  municipality_id BIGINT NOT NULL REFERENCES municipality(id),
  PRIMARY KEY (unit_id, municipality_id)
);

-- Employees and citizens. A national identity number is never stored in clear
-- text: only sealed (XChaCha20-Poly1305) and as a keyed BLAKE2b hash for look-up.
CREATE TABLE person (
  id @ID@,
  given_name TEXT NOT NULL CHECK (length(given_name) BETWEEN 1 AND 200),
  family_name TEXT NOT NULL CHECK (length(family_name) BETWEEN 1 AND 200),
  national_id_hash @BLOB@ UNIQUE,
  national_id_sealed @BLOB@,
  birth_date TEXT CHECK (birth_date IS NULL OR length(birth_date) = 10),
  created_at_ms BIGINT NOT NULL,
  CHECK ((national_id_hash IS NULL) = (national_id_sealed IS NULL))
);

CREATE TABLE employment (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES person(id),
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  valid_from_ms BIGINT NOT NULL,
  valid_to_ms BIGINT,
  CHECK (valid_to_ms IS NULL OR valid_to_ms > valid_from_ms)
);
CREATE INDEX employment_by_person ON employment (person_id);

-- Roles in the municipality's administration (never access to log content).
CREATE TABLE municipal_role (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES person(id),
  municipality_id BIGINT NOT NULL REFERENCES municipality(id),
  role TEXT NOT NULL CHECK (role IN ('admin', 'bti_coordinator', 'privacy_officer')),
  valid_from_ms BIGINT NOT NULL,
  valid_to_ms BIGINT,
  CHECK (valid_to_ms IS NULL OR valid_to_ms > valid_from_ms)
);

-- Foreldreansvar: from the population registry, or a recorded decision (a court order).
CREATE TABLE parental_responsibility (
  id @ID@,
  guardian_person_id BIGINT NOT NULL REFERENCES person(id),
  child_person_id BIGINT NOT NULL REFERENCES person(id),
  source TEXT NOT NULL CHECK (source IN ('registry', 'decision')),
  decision_reference TEXT,
  valid_from_ms BIGINT NOT NULL,
  valid_to_ms BIGINT,
  recorded_by_person_id BIGINT REFERENCES person(id),
  recorded_at_ms BIGINT NOT NULL,
  CHECK (guardian_person_id <> child_person_id),
  CHECK (source = 'registry' OR decision_reference IS NOT NULL),
  CHECK (valid_to_ms IS NULL OR valid_to_ms > valid_from_ms)
);
CREATE INDEX parental_responsibility_by_child ON parental_responsibility (child_person_id);
CREATE INDEX parental_responsibility_by_guardian ON parental_responsibility (guardian_person_id);

CREATE TABLE municipality_settings (
  municipality_id BIGINT PRIMARY KEY REFERENCES municipality(id),
  consent_rule TEXT NOT NULL CHECK (consent_rule IN ('all_guardians', 'one_guardian')),
  child_consent_age INTEGER NOT NULL CHECK (child_consent_age BETWEEN 0 AND 18),
  child_view_age INTEGER NOT NULL CHECK (child_view_age BETWEEN 0 AND 18),
  updated_at_ms BIGINT NOT NULL,
  updated_by_person_id BIGINT REFERENCES person(id)
);

CREATE TABLE log (
  id @ID@,
  child_person_id BIGINT NOT NULL REFERENCES person(id),
  municipality_id BIGINT NOT NULL REFERENCES municipality(id),
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
  opened_at_ms BIGINT NOT NULL,
  opened_by_person_id BIGINT NOT NULL REFERENCES person(id)
);
CREATE INDEX log_by_child ON log (child_person_id);

-- What happened to a log and why: opened, closed, reopened, level changed.
CREATE TABLE log_event (
  id @ID@,
  log_id BIGINT NOT NULL REFERENCES log(id),
  kind TEXT NOT NULL CHECK (kind IN ('opened', 'closed', 'reopened', 'level_changed')),
  from_level INTEGER,
  to_level INTEGER,
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  by_person_id BIGINT REFERENCES person(id),  -- NULL when the system did it (all consent withdrawn)
  at_ms BIGINT NOT NULL
);
CREATE INDEX log_event_by_log ON log_event (log_id);

CREATE TABLE participant (
  id @ID@,
  log_id BIGINT NOT NULL REFERENCES log(id),
  person_id BIGINT NOT NULL REFERENCES person(id),
  role TEXT NOT NULL CHECK (role IN ('contributor', 'reader', 'guardian', 'child')),
  unit_id BIGINT REFERENCES unit(id),
  hidden INTEGER NOT NULL CHECK (hidden IN (0, 1)),
  added_at_ms BIGINT NOT NULL,
  added_by_person_id BIGINT NOT NULL REFERENCES person(id),
  ended_at_ms BIGINT,
  ended_by_person_id BIGINT REFERENCES person(id),
  end_reason TEXT,
  CHECK ((role IN ('contributor', 'reader')) = (unit_id IS NOT NULL)),
  CHECK ((ended_at_ms IS NULL) = (ended_by_person_id IS NULL))
);
CREATE UNIQUE INDEX participant_active_once ON participant (log_id, person_id) WHERE ended_at_ms IS NULL;
CREATE INDEX participant_by_person ON participant (person_id);

-- The stafettholder: one row per log (the primary key makes two impossible),
-- never deleted (0003), changed only by an accepted handover.
CREATE TABLE log_holder (
  log_id BIGINT PRIMARY KEY REFERENCES log(id),
  participant_id BIGINT NOT NULL REFERENCES participant(id),
  since_ms BIGINT NOT NULL
);

CREATE TABLE handover (
  id @ID@,
  log_id BIGINT NOT NULL REFERENCES log(id),
  from_participant_id BIGINT NOT NULL REFERENCES participant(id),
  to_participant_id BIGINT NOT NULL REFERENCES participant(id),
  proposed_at_ms BIGINT NOT NULL,
  proposed_by_person_id BIGINT NOT NULL REFERENCES person(id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'cancelled')),
  decided_at_ms BIGINT,
  decided_by_person_id BIGINT REFERENCES person(id),
  CHECK ((status = 'pending') = (decided_at_ms IS NULL)),
  CHECK (from_participant_id <> to_participant_id)
);
CREATE UNIQUE INDEX handover_one_pending ON handover (log_id) WHERE status = 'pending';

-- Consents are append-only (0003): a change is a new row that supersedes the
-- old one, a withdrawal is a row in consent_withdrawal.
CREATE TABLE consent (
  id @ID@,
  log_id BIGINT NOT NULL REFERENCES log(id),
  given_by_person_id BIGINT NOT NULL REFERENCES person(id),
  given_as TEXT NOT NULL CHECK (given_as IN ('guardian', 'child')),
  method TEXT NOT NULL CHECK (method IN ('digital', 'paper')),
  attested_by_person_id BIGINT REFERENCES person(id),
  recorded_by_person_id BIGINT NOT NULL REFERENCES person(id),
  given_at_ms BIGINT NOT NULL,
  valid_until_ms BIGINT,
  review_at_ms BIGINT,
  info_text_version TEXT NOT NULL CHECK (length(info_text_version) BETWEEN 1 AND 100),
  info_text_hash TEXT NOT NULL CHECK (length(info_text_hash) BETWEEN 1 AND 200),
  supersedes_consent_id BIGINT REFERENCES consent(id),
  CHECK ((method = 'paper') = (attested_by_person_id IS NOT NULL)),
  CHECK (valid_until_ms IS NOT NULL OR review_at_ms IS NOT NULL)
);
CREATE INDEX consent_by_log ON consent (log_id);
CREATE UNIQUE INDEX consent_superseded_once ON consent (supersedes_consent_id)
  WHERE supersedes_consent_id IS NOT NULL;

CREATE TABLE consent_unit (
  consent_id BIGINT NOT NULL REFERENCES consent(id),
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  PRIMARY KEY (consent_id, unit_id)
);

CREATE TABLE consent_service (
  consent_id BIGINT NOT NULL REFERENCES consent(id),
  service_type TEXT NOT NULL CHECK (service_type IN ('kindergarten', 'school', 'health_station', 'ppt',
    'child_welfare', 'nav', 'culture_leisure', 'specialist_health', 'voluntary', 'other')),
  PRIMARY KEY (consent_id, service_type)
);

CREATE TABLE consent_category (
  consent_id BIGINT NOT NULL REFERENCES consent(id),
  category TEXT NOT NULL CHECK (category IN ('basic', 'goals_measures', 'meetings', 'notes', 'health')),
  PRIMARY KEY (consent_id, category)
);

CREATE TABLE consent_withdrawal (
  consent_id BIGINT PRIMARY KEY REFERENCES consent(id),
  withdrawn_by_person_id BIGINT NOT NULL REFERENCES person(id),
  recorded_by_person_id BIGINT NOT NULL REFERENCES person(id),
  withdrawn_at_ms BIGINT NOT NULL
);

-- Server-side sessions. Only a hash of the token is stored.
CREATE TABLE session (
  id @ID@,
  token_hash @BLOB@ NOT NULL UNIQUE,
  person_id BIGINT NOT NULL REFERENCES person(id),
  actor_kind TEXT NOT NULL CHECK (actor_kind IN ('employee', 'citizen')),
  csrf_token TEXT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  last_seen_at_ms BIGINT NOT NULL,
  expires_at_ms BIGINT NOT NULL,
  ended_at_ms BIGINT
);
CREATE INDEX session_by_person ON session (person_id);
