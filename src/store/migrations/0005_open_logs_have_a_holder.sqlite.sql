-- An open log always has exactly one holder. Two is impossible by
-- log_holder's primary key; zero is made impossible here: a log is inserted
-- closed and may only be opened once its holder row exists, and the holder row
-- can never be deleted (0003).
CREATE TRIGGER log_opens_only_with_holder_i BEFORE INSERT ON log WHEN NEW.status = 'open'
BEGIN SELECT RAISE(ABORT, 'a log is opened only after it has a holder'); END;
CREATE TRIGGER log_opens_only_with_holder_u BEFORE UPDATE OF status ON log
  WHEN NEW.status = 'open' AND NOT EXISTS (SELECT 1 FROM log_holder WHERE log_id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'a log is opened only after it has a holder'); END;
