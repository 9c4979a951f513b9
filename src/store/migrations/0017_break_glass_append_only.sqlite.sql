-- A break-glass access and its review are evidence: never changed or deleted.
CREATE TRIGGER break_glass_access_no_update BEFORE UPDATE ON break_glass_access BEGIN SELECT RAISE(ABORT, 'append-only: break_glass_access'); END;
CREATE TRIGGER break_glass_access_no_delete BEFORE DELETE ON break_glass_access BEGIN SELECT RAISE(ABORT, 'append-only: break_glass_access'); END;
CREATE TRIGGER break_glass_review_no_update BEFORE UPDATE ON break_glass_review BEGIN SELECT RAISE(ABORT, 'append-only: break_glass_review'); END;
CREATE TRIGGER break_glass_review_no_delete BEFORE DELETE ON break_glass_review BEGIN SELECT RAISE(ABORT, 'append-only: break_glass_review'); END;
