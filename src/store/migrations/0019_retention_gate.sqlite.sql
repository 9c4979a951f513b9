-- Retention may delete a closed log's rows, and only while its own
-- transaction holds a row in retention_gate (0018); every other delete is
-- refused as before. SQLite cannot change a trigger, so each delete trigger
-- is made again with the gate in its WHEN clause. Updates stay refused.
DROP TRIGGER consent_append_only_d;
CREATE TRIGGER consent_append_only_d BEFORE DELETE ON consent WHEN NOT EXISTS (SELECT 1 FROM retention_gate) BEGIN SELECT RAISE(ABORT, 'append-only: consent'); END;
DROP TRIGGER consent_unit_append_only_d;
CREATE TRIGGER consent_unit_append_only_d BEFORE DELETE ON consent_unit WHEN NOT EXISTS (SELECT 1 FROM retention_gate) BEGIN SELECT RAISE(ABORT, 'append-only: consent_unit'); END;
DROP TRIGGER consent_service_append_only_d;
CREATE TRIGGER consent_service_append_only_d BEFORE DELETE ON consent_service WHEN NOT EXISTS (SELECT 1 FROM retention_gate) BEGIN SELECT RAISE(ABORT, 'append-only: consent_service'); END;
DROP TRIGGER consent_category_append_only_d;
CREATE TRIGGER consent_category_append_only_d BEFORE DELETE ON consent_category WHEN NOT EXISTS (SELECT 1 FROM retention_gate) BEGIN SELECT RAISE(ABORT, 'append-only: consent_category'); END;
DROP TRIGGER consent_withdrawal_append_only_d;
CREATE TRIGGER consent_withdrawal_append_only_d BEFORE DELETE ON consent_withdrawal WHEN NOT EXISTS (SELECT 1 FROM retention_gate) BEGIN SELECT RAISE(ABORT, 'append-only: consent_withdrawal'); END;
DROP TRIGGER log_event_append_only_d;
CREATE TRIGGER log_event_append_only_d BEFORE DELETE ON log_event WHEN NOT EXISTS (SELECT 1 FROM retention_gate) BEGIN SELECT RAISE(ABORT, 'append-only: log_event'); END;
DROP TRIGGER log_move_append_only_d;
CREATE TRIGGER log_move_append_only_d BEFORE DELETE ON log_move WHEN NOT EXISTS (SELECT 1 FROM retention_gate) BEGIN SELECT RAISE(ABORT, 'append-only: log_move'); END;
DROP TRIGGER entry_no_delete;
CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry WHEN NOT EXISTS (SELECT 1 FROM retention_gate) BEGIN SELECT RAISE(ABORT, 'append-only: entry'); END;
DROP TRIGGER entry_version_no_delete;
CREATE TRIGGER entry_version_no_delete BEFORE DELETE ON entry_version WHEN NOT EXISTS (SELECT 1 FROM retention_gate) BEGIN SELECT RAISE(ABORT, 'append-only: entry_version'); END;
DROP TRIGGER entry_link_no_delete;
CREATE TRIGGER entry_link_no_delete BEFORE DELETE ON entry_link WHEN NOT EXISTS (SELECT 1 FROM retention_gate) BEGIN SELECT RAISE(ABORT, 'append-only: entry_link'); END;
DROP TRIGGER break_glass_access_no_delete;
CREATE TRIGGER break_glass_access_no_delete BEFORE DELETE ON break_glass_access WHEN NOT EXISTS (SELECT 1 FROM retention_gate) BEGIN SELECT RAISE(ABORT, 'append-only: break_glass_access'); END;
DROP TRIGGER break_glass_review_no_delete;
CREATE TRIGGER break_glass_review_no_delete BEFORE DELETE ON break_glass_review WHEN NOT EXISTS (SELECT 1 FROM retention_gate) BEGIN SELECT RAISE(ABORT, 'append-only: break_glass_review'); END;
DROP TRIGGER log_no_delete;
CREATE TRIGGER log_no_delete BEFORE DELETE ON log WHEN NOT EXISTS (SELECT 1 FROM retention_gate) BEGIN SELECT RAISE(ABORT, 'never deleted: log'); END;
DROP TRIGGER log_holder_no_delete;
CREATE TRIGGER log_holder_no_delete BEFORE DELETE ON log_holder WHEN NOT EXISTS (SELECT 1 FROM retention_gate) BEGIN SELECT RAISE(ABORT, 'never deleted: log_holder'); END;
DROP TRIGGER participant_no_delete;
CREATE TRIGGER participant_no_delete BEFORE DELETE ON participant WHEN NOT EXISTS (SELECT 1 FROM retention_gate) BEGIN SELECT RAISE(ABORT, 'never deleted: participant'); END;
DROP TRIGGER handover_no_delete;
CREATE TRIGGER handover_no_delete BEFORE DELETE ON handover WHEN NOT EXISTS (SELECT 1 FROM retention_gate) BEGIN SELECT RAISE(ABORT, 'never deleted: handover'); END;
