-- Issue 8: the web sites (origins) a municipality lets embed the public parts
-- of its samhandlingsmodell through the JSON API (CORS). Nothing else is ever
-- served to another origin.
CREATE TABLE municipality_origin (
  municipality_id BIGINT NOT NULL REFERENCES municipality(id),
  origin TEXT NOT NULL CHECK (length(origin) BETWEEN 9 AND 300),
  PRIMARY KEY (municipality_id, origin)
);
