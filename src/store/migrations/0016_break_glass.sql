-- Break-glass (nødtilgang, issue 6): who may open a log without taking part
-- in it, each time it was done and why, and the privacy officer's review.
--
-- A designation is the municipality's decision that a person may use
-- break-glass for its children's logs (a child welfare emergency service, a
-- duty doctor); it never gives access by itself.
CREATE TABLE break_glass_designation (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES person(id),
  municipality_id BIGINT NOT NULL REFERENCES municipality(id),
  valid_from_ms BIGINT NOT NULL,
  valid_to_ms BIGINT,
  CHECK (valid_to_ms IS NULL OR valid_to_ms > valid_from_ms)
);
CREATE INDEX break_glass_designation_by_person ON break_glass_designation (person_id);

-- One break-glass access: a person opened one log, for a reason, until
-- expires_ms (at most the configured window after started_ms). Never
-- changed: it ends by time.
CREATE TABLE break_glass_access (
  id @ID@,
  log_id BIGINT NOT NULL REFERENCES log(id),
  person_id BIGINT NOT NULL REFERENCES person(id),
  unit_id BIGINT REFERENCES unit(id),
  reason TEXT NOT NULL CHECK (reason IN ('emergency', 'child_welfare_duty', 'other_legal_basis')),
  explanation TEXT NOT NULL CHECK (length(explanation) BETWEEN 10 AND 2000),
  started_ms BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL,
  CHECK (expires_ms > started_ms)
);
CREATE INDEX break_glass_access_by_log ON break_glass_access (log_id, person_id, expires_ms);

-- The privacy officer's outcome of the review of one break-glass access.
-- One per access, never changed: the queue is the accesses without one.
CREATE TABLE break_glass_review (
  id @ID@,
  access_id BIGINT NOT NULL UNIQUE REFERENCES break_glass_access(id),
  reviewer_id BIGINT NOT NULL REFERENCES person(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('justified', 'not_justified')),
  comment TEXT NOT NULL CHECK (length(comment) <= 2000),
  reviewed_ms BIGINT NOT NULL
);
