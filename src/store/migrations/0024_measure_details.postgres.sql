-- Issue 8, the measures catalogue: target group, evidence base, several
-- provider units, public or not; and which catalogue measure each version of
-- a log's measure names (measure_use), so the catalogue can count the open
-- logs using a measure without reading log content.
ALTER TABLE catalogue_measure ADD COLUMN target_group TEXT NOT NULL DEFAULT '';
ALTER TABLE catalogue_measure ADD COLUMN age_from INTEGER NOT NULL DEFAULT 0;
ALTER TABLE catalogue_measure ADD COLUMN age_to INTEGER NOT NULL DEFAULT 18;
ALTER TABLE catalogue_measure ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
ALTER TABLE catalogue_measure ADD COLUMN evidence_url TEXT NOT NULL DEFAULT '';
ALTER TABLE catalogue_measure ADD COLUMN is_public INTEGER NOT NULL DEFAULT 1;

CREATE TABLE catalogue_measure_provider (
  measure_id BIGINT NOT NULL REFERENCES catalogue_measure(id),
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  PRIMARY KEY (measure_id, unit_id)
);
INSERT INTO catalogue_measure_provider (measure_id, unit_id)
  SELECT id, provider_unit_id FROM catalogue_measure WHERE provider_unit_id IS NOT NULL;

CREATE TABLE measure_use (
  entry_version_id BIGINT PRIMARY KEY REFERENCES entry_version(id),
  catalogue_measure_id BIGINT NOT NULL REFERENCES catalogue_measure(id)
);
CREATE INDEX measure_use_by_measure ON measure_use (catalogue_measure_id);
INSERT INTO measure_use (entry_version_id, catalogue_measure_id)
  SELECT id, (body::jsonb ->> 'catalogue_measure')::bigint FROM entry_version
  WHERE (body::jsonb ->> 'catalogue_measure') IS NOT NULL;
