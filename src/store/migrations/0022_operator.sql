-- Issue 8: the people who run the deployment (driftsoperatører). They create
-- municipalities and their first administrator; like administrators they get
-- no right to any log's content.
CREATE TABLE operator_role (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES person(id),
  valid_from_ms BIGINT NOT NULL,
  valid_to_ms BIGINT,
  CHECK (valid_to_ms IS NULL OR valid_to_ms > valid_from_ms)
);
CREATE INDEX operator_role_by_person ON operator_role (person_id);
