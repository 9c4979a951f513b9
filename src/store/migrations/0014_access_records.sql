-- The access chain (issue 6): one row per read or write of a child's data
-- (domain/access_record.h), chained by hash (crypto/hash_chain.h). `record`
-- holds the canonical bytes the hash covers and is the authoritative copy;
-- the columns after `hash` are queryable copies of it for the family's "who
-- has seen the log" page and the privacy officer's search, and are never
-- verified or trusted over `record`. `sequence` is assigned by the appender
-- (1, 2, 3, ... without gaps; app/access_chain.cc), not by the database.
-- No foreign keys: the ledger must not constrain, nor be constrained by, the
-- rows it names. Signed checkpoints of the chain head are deliberately not
-- in the database: they go to a file outside it (app/chain_checkpoints.h).
CREATE TABLE access_record (
  sequence BIGINT NOT NULL PRIMARY KEY CHECK (sequence >= 1),
  record TEXT NOT NULL,
  hash @BLOB@ NOT NULL CHECK (length(hash) = 32),
  person_id BIGINT NOT NULL,
  child_id BIGINT NOT NULL,
  log_id BIGINT NOT NULL,
  action TEXT NOT NULL,
  basis TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  unit_id BIGINT
);
CREATE INDEX access_record_by_log ON access_record (log_id, at_ms);
CREATE INDEX access_record_by_person ON access_record (person_id, at_ms);
