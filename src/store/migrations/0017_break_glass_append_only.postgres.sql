-- A break-glass access and its review are evidence: never changed or deleted.
CREATE TRIGGER break_glass_access_append_only BEFORE UPDATE OR DELETE ON break_glass_access FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
CREATE TRIGGER break_glass_review_append_only BEFORE UPDATE OR DELETE ON break_glass_review FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
