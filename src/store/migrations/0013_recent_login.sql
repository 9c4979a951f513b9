-- When the person last proved who they are at the identity provider: the
-- id_token's auth_time (the login itself for demo sessions). Giving consent on
-- someone else's behalf, adding a participant and exporting a whole log need
-- a recent one (RouteOption::kRecentLogin in web/routes.h). Sessions from
-- before this migration count from their creation.
ALTER TABLE session ADD COLUMN authenticated_at_ms BIGINT;

-- A login attempt that renews the authentication of a live session names
-- that session: the answer must come for the same person, in the browser that
-- holds that session.
ALTER TABLE login_attempt ADD COLUMN renews_session_id BIGINT;
