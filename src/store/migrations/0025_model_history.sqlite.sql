-- The model's history is never changed or deleted.
CREATE TRIGGER model_change_no_update BEFORE UPDATE ON model_change BEGIN SELECT RAISE(ABORT, 'append-only: model_change'); END;
CREATE TRIGGER model_change_no_delete BEFORE DELETE ON model_change BEGIN SELECT RAISE(ABORT, 'append-only: model_change'); END;
