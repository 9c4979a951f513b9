-- "Nothing acknowledged is ever lost": the database itself refuses to delete
-- or rewrite history. Consents and events are append-only; logs, people and
-- their relations are never deleted; a participant row can only be ended
-- (once) or have its hidden flag changed.
CREATE FUNCTION stafett_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'append-only or never deleted: %', TG_TABLE_NAME USING ERRCODE = '23000';
END
$$;

CREATE TRIGGER consent_append_only BEFORE UPDATE OR DELETE ON consent FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
CREATE TRIGGER consent_unit_append_only BEFORE UPDATE OR DELETE ON consent_unit FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
CREATE TRIGGER consent_service_append_only BEFORE UPDATE OR DELETE ON consent_service FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
CREATE TRIGGER consent_category_append_only BEFORE UPDATE OR DELETE ON consent_category FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
CREATE TRIGGER consent_withdrawal_append_only BEFORE UPDATE OR DELETE ON consent_withdrawal FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
CREATE TRIGGER log_event_append_only BEFORE UPDATE OR DELETE ON log_event FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
CREATE TRIGGER log_no_delete BEFORE DELETE ON log FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
CREATE TRIGGER log_holder_no_delete BEFORE DELETE ON log_holder FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
CREATE TRIGGER participant_no_delete BEFORE DELETE ON participant FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
CREATE TRIGGER handover_no_delete BEFORE DELETE ON handover FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
CREATE TRIGGER person_no_delete BEFORE DELETE ON person FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
CREATE TRIGGER parental_responsibility_no_delete BEFORE DELETE ON parental_responsibility FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
CREATE TRIGGER employment_no_delete BEFORE DELETE ON employment FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();

CREATE TRIGGER participant_only_ended_or_hidden BEFORE UPDATE ON participant FOR EACH ROW
  WHEN (OLD.ended_at_ms IS NOT NULL
    OR NEW.log_id IS DISTINCT FROM OLD.log_id OR NEW.person_id IS DISTINCT FROM OLD.person_id
    OR NEW.role IS DISTINCT FROM OLD.role OR NEW.unit_id IS DISTINCT FROM OLD.unit_id
    OR NEW.added_at_ms IS DISTINCT FROM OLD.added_at_ms
    OR NEW.added_by_person_id IS DISTINCT FROM OLD.added_by_person_id)
  EXECUTE FUNCTION stafett_refuse_change();
CREATE TRIGGER handover_decided_once BEFORE UPDATE ON handover FOR EACH ROW
  WHEN (OLD.status <> 'pending' OR NEW.log_id IS DISTINCT FROM OLD.log_id
    OR NEW.from_participant_id IS DISTINCT FROM OLD.from_participant_id
    OR NEW.to_participant_id IS DISTINCT FROM OLD.to_participant_id)
  EXECUTE FUNCTION stafett_refuse_change();
