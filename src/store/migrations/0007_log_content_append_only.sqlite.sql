-- Log content is never changed or deleted: corrections are new versions.
CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry BEGIN SELECT RAISE(ABORT, 'append-only: entry'); END;
CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry BEGIN SELECT RAISE(ABORT, 'append-only: entry'); END;
CREATE TRIGGER entry_version_no_update BEFORE UPDATE ON entry_version BEGIN SELECT RAISE(ABORT, 'append-only: entry_version'); END;
CREATE TRIGGER entry_version_no_delete BEFORE DELETE ON entry_version BEGIN SELECT RAISE(ABORT, 'append-only: entry_version'); END;
CREATE TRIGGER entry_link_no_update BEFORE UPDATE ON entry_link BEGIN SELECT RAISE(ABORT, 'append-only: entry_link'); END;
CREATE TRIGGER entry_link_no_delete BEFORE DELETE ON entry_link BEGIN SELECT RAISE(ABORT, 'append-only: entry_link'); END;
