-- How an employee is known to an employee identity provider: the provider's
-- issuer and its stable subject for the person (for Entra ID the tenant id
-- and object id, never the e-mail or username, which can be given to someone
-- else). Rows come from the municipality's register or an operator, never
-- from a login, so a login can only find a person, not create one. Rights
-- come from active employments, not from this table.
CREATE TABLE employee_identity (
  issuer TEXT NOT NULL CHECK (length(issuer) BETWEEN 1 AND 500),
  subject TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
  person_id BIGINT NOT NULL REFERENCES person(id),
  created_at_ms BIGINT NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX employee_identity_by_person ON employee_identity (person_id);
