-- An open log always has exactly one holder. Two is impossible by
-- log_holder's primary key; zero is made impossible here: a log is inserted
-- closed and may only be opened once its holder row exists, and the holder row
-- can never be deleted (0003).
CREATE FUNCTION stafett_log_needs_holder() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'open' AND (TG_OP = 'INSERT' OR NOT EXISTS (SELECT 1 FROM log_holder WHERE log_id = NEW.id)) THEN
    RAISE EXCEPTION 'a log is opened only after it has a holder' USING ERRCODE = '23000';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER log_opens_only_with_holder BEFORE INSERT OR UPDATE OF status ON log
  FOR EACH ROW EXECUTE FUNCTION stafett_log_needs_holder();
