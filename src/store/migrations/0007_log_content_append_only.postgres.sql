-- Log content is never changed or deleted: corrections are new versions.
CREATE TRIGGER entry_append_only BEFORE UPDATE OR DELETE ON entry FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
CREATE TRIGGER entry_version_append_only BEFORE UPDATE OR DELETE ON entry_version FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
CREATE TRIGGER entry_link_append_only BEFORE UPDATE OR DELETE ON entry_link FOR EACH ROW EXECUTE FUNCTION stafett_refuse_change();
