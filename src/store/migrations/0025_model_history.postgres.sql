-- The model's history is never changed or deleted.
CREATE TRIGGER model_change_append_only BEFORE UPDATE OR DELETE ON model_change FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
