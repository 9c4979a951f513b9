-- A published guide version is never changed or deleted. A submitted tool
-- record keeps its answers, form, unit and author; it may get an outcome and,
-- once, a log; it is never deleted. A draft is its author's to change or drop.
CREATE TRIGGER guide_version_no_update BEFORE UPDATE ON guide_version BEGIN SELECT RAISE(ABORT, 'append-only: guide_version'); END;
CREATE TRIGGER guide_version_no_delete BEFORE DELETE ON guide_version BEGIN SELECT RAISE(ABORT, 'append-only: guide_version'); END;
CREATE TRIGGER tool_record_submitted_kept BEFORE UPDATE ON tool_record
WHEN OLD.status = 'submitted' AND (
  NEW.status IS NOT OLD.status OR NEW.answers IS NOT OLD.answers OR NEW.tool IS NOT OLD.tool OR
  NEW.unit_id IS NOT OLD.unit_id OR NEW.author_person_id IS NOT OLD.author_person_id OR
  NEW.municipality_id IS NOT OLD.municipality_id OR NEW.tool_key IS NOT OLD.tool_key OR
  NEW.submitted_at_ms IS NOT OLD.submitted_at_ms OR NEW.created_at_ms IS NOT OLD.created_at_ms OR
  (OLD.log_id IS NOT NULL AND (NEW.log_id IS NOT OLD.log_id OR NEW.attached_at_ms IS NOT OLD.attached_at_ms OR
                               NEW.attached_by_person_id IS NOT OLD.attached_by_person_id OR
                               NEW.outcome IS NOT OLD.outcome)))
BEGIN SELECT RAISE(ABORT, 'submitted tool_record is kept'); END;
CREATE TRIGGER tool_record_submitted_no_delete BEFORE DELETE ON tool_record
WHEN OLD.status = 'submitted' AND NOT EXISTS (SELECT 1 FROM retention_gate)
BEGIN SELECT RAISE(ABORT, 'submitted tool_record is kept'); END;
