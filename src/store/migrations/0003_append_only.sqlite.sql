-- "Nothing acknowledged is ever lost": the database itself refuses to delete
-- or rewrite history. Consents and events are append-only; logs, people and
-- their relations are never deleted; a participant row can only be ended
-- (once) or have its hidden flag changed.
CREATE TRIGGER consent_append_only_u BEFORE UPDATE ON consent BEGIN SELECT RAISE(ABORT, 'append-only: consent'); END;
CREATE TRIGGER consent_append_only_d BEFORE DELETE ON consent BEGIN SELECT RAISE(ABORT, 'append-only: consent'); END;
CREATE TRIGGER consent_unit_append_only_u BEFORE UPDATE ON consent_unit BEGIN SELECT RAISE(ABORT, 'append-only: consent_unit'); END;
CREATE TRIGGER consent_unit_append_only_d BEFORE DELETE ON consent_unit BEGIN SELECT RAISE(ABORT, 'append-only: consent_unit'); END;
CREATE TRIGGER consent_service_append_only_u BEFORE UPDATE ON consent_service BEGIN SELECT RAISE(ABORT, 'append-only: consent_service'); END;
CREATE TRIGGER consent_service_append_only_d BEFORE DELETE ON consent_service BEGIN SELECT RAISE(ABORT, 'append-only: consent_service'); END;
CREATE TRIGGER consent_category_append_only_u BEFORE UPDATE ON consent_category BEGIN SELECT RAISE(ABORT, 'append-only: consent_category'); END;
CREATE TRIGGER consent_category_append_only_d BEFORE DELETE ON consent_category BEGIN SELECT RAISE(ABORT, 'append-only: consent_category'); END;
CREATE TRIGGER consent_withdrawal_append_only_u BEFORE UPDATE ON consent_withdrawal BEGIN SELECT RAISE(ABORT, 'append-only: consent_withdrawal'); END;
CREATE TRIGGER consent_withdrawal_append_only_d BEFORE DELETE ON consent_withdrawal BEGIN SELECT RAISE(ABORT, 'append-only: consent_withdrawal'); END;
CREATE TRIGGER log_event_append_only_u BEFORE UPDATE ON log_event BEGIN SELECT RAISE(ABORT, 'append-only: log_event'); END;
CREATE TRIGGER log_event_append_only_d BEFORE DELETE ON log_event BEGIN SELECT RAISE(ABORT, 'append-only: log_event'); END;
CREATE TRIGGER log_no_delete BEFORE DELETE ON log BEGIN SELECT RAISE(ABORT, 'never deleted: log'); END;
CREATE TRIGGER log_holder_no_delete BEFORE DELETE ON log_holder BEGIN SELECT RAISE(ABORT, 'never deleted: log_holder'); END;
CREATE TRIGGER participant_no_delete BEFORE DELETE ON participant BEGIN SELECT RAISE(ABORT, 'never deleted: participant'); END;
CREATE TRIGGER handover_no_delete BEFORE DELETE ON handover BEGIN SELECT RAISE(ABORT, 'never deleted: handover'); END;
CREATE TRIGGER person_no_delete BEFORE DELETE ON person BEGIN SELECT RAISE(ABORT, 'never deleted: person'); END;
CREATE TRIGGER parental_responsibility_no_delete BEFORE DELETE ON parental_responsibility BEGIN SELECT RAISE(ABORT, 'never deleted: parental_responsibility'); END;
CREATE TRIGGER employment_no_delete BEFORE DELETE ON employment BEGIN SELECT RAISE(ABORT, 'never deleted: employment'); END;
CREATE TRIGGER participant_only_ended_or_hidden BEFORE UPDATE ON participant
  WHEN OLD.ended_at_ms IS NOT NULL
    OR NEW.log_id IS NOT OLD.log_id OR NEW.person_id IS NOT OLD.person_id OR NEW.role IS NOT OLD.role
    OR NEW.unit_id IS NOT OLD.unit_id OR NEW.added_at_ms IS NOT OLD.added_at_ms
    OR NEW.added_by_person_id IS NOT OLD.added_by_person_id
BEGIN SELECT RAISE(ABORT, 'participant rows may only be ended once or hidden'); END;
CREATE TRIGGER handover_decided_once BEFORE UPDATE ON handover
  WHEN OLD.status <> 'pending' OR NEW.log_id IS NOT OLD.log_id
    OR NEW.from_participant_id IS NOT OLD.from_participant_id OR NEW.to_participant_id IS NOT OLD.to_participant_id
BEGIN SELECT RAISE(ABORT, 'a handover is decided once'); END;
