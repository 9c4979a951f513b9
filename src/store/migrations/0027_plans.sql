-- Issue 8, the samhandlingsmodell's plans and routines (kommunenivå and
-- tjenestenivå): the plan for preventive work, cooperation agreements between
-- services, transition routines ... as Markdown with an owner and the date it
-- was last reviewed. Versions in model_change like the rest of the model.
CREATE TABLE plan (
  id @ID@,
  municipality_id BIGINT NOT NULL REFERENCES municipality(id),
  level TEXT NOT NULL CHECK (level IN ('municipality', 'service')),
  kind TEXT NOT NULL CHECK (kind IN ('plan', 'agreement', 'routine')),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  body TEXT NOT NULL CHECK (length(body) <= 50000),
  owner TEXT NOT NULL CHECK (length(owner) BETWEEN 1 AND 300),
  reviewed_on TEXT NOT NULL CHECK (length(reviewed_on) = 10),
  is_public INTEGER NOT NULL CHECK (is_public IN (0, 1)),
  created_at_ms BIGINT NOT NULL
);
CREATE INDEX plan_by_municipality ON plan (municipality_id);
