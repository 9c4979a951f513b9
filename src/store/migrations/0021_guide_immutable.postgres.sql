-- A published guide version is never changed or deleted. A submitted tool
-- record keeps its answers, form, unit and author; it may get an outcome and,
-- once, a log; it is never deleted. A draft is its author's to change or drop.
CREATE TRIGGER guide_version_append_only BEFORE UPDATE OR DELETE ON guide_version FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();

CREATE FUNCTION stafett_keep_submitted_tool_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'submitted' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM retention_gate) THEN RETURN OLD; END IF;
    RAISE EXCEPTION 'submitted tool_record is kept' USING ERRCODE = '23000';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status OR NEW.answers IS DISTINCT FROM OLD.answers OR
     NEW.tool IS DISTINCT FROM OLD.tool OR NEW.unit_id IS DISTINCT FROM OLD.unit_id OR
     NEW.author_person_id IS DISTINCT FROM OLD.author_person_id OR
     NEW.municipality_id IS DISTINCT FROM OLD.municipality_id OR NEW.tool_key IS DISTINCT FROM OLD.tool_key OR
     NEW.submitted_at_ms IS DISTINCT FROM OLD.submitted_at_ms OR NEW.created_at_ms IS DISTINCT FROM OLD.created_at_ms OR
     (OLD.log_id IS NOT NULL AND (NEW.log_id IS DISTINCT FROM OLD.log_id OR
                                  NEW.attached_at_ms IS DISTINCT FROM OLD.attached_at_ms OR
                                  NEW.attached_by_person_id IS DISTINCT FROM OLD.attached_by_person_id OR
                                  NEW.outcome IS DISTINCT FROM OLD.outcome)) THEN
    RAISE EXCEPTION 'submitted tool_record is kept' USING ERRCODE = '23000';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER tool_record_submitted_kept BEFORE UPDATE OR DELETE ON tool_record FOR EACH ROW EXECUTE FUNCTION stafett_keep_submitted_tool_record();
