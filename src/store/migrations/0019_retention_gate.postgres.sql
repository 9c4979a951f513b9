-- Retention may delete a closed log's rows, and only while its own
-- transaction holds a row in retention_gate (0018); every other delete, and
-- every update, is refused as before.
CREATE OR REPLACE FUNCTION stafett_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM retention_gate) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'append-only or never deleted: %', TG_TABLE_NAME USING ERRCODE = '23000';
END
$$;
