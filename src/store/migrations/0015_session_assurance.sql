-- The level of assurance of the login behind a session (the id_token's
-- `acr`, e.g. idporten-loa-high; 'demo' for demo sessions): every access
-- record names it (domain/access_record.h). Sessions from before this
-- migration have none.
ALTER TABLE session ADD COLUMN assurance TEXT;
