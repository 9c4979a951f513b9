-- A login at an identity provider in progress: created when the browser is
-- sent to the provider, consumed once when it comes back. Only hashes of the
-- state and of the pre-login browser cookie are stored; the nonce and the
-- PKCE verifier are needed in clear to check the answer.
CREATE TABLE login_attempt (
  id @ID@,
  state_hash @BLOB@ NOT NULL UNIQUE,
  browser_hash @BLOB@ NOT NULL,
  provider TEXT NOT NULL CHECK (provider IN ('citizen', 'employee')),
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  return_path TEXT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  used_at_ms BIGINT
);
CREATE INDEX login_attempt_by_created ON login_attempt (created_at_ms);

-- A session from an identity provider remembers the provider's issuer and
-- session id (front-channel logout names them) and the id_token (the
-- id_token_hint of RP-initiated logout), sealed with the data keys because it
-- carries the national identity number. Demo sessions have none.
ALTER TABLE session ADD COLUMN provider_issuer TEXT;
ALTER TABLE session ADD COLUMN provider_sid TEXT;
ALTER TABLE session ADD COLUMN id_token TEXT;
CREATE INDEX session_by_provider_sid ON session (provider_issuer, provider_sid);
