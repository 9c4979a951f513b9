-- A log's participants are read by log (participants_of: twice on every log
-- page). The only index with log_id first, participant_active_once, is partial
-- (active participants only), so that query scanned the whole participant
-- table: cost grew with the number of logs in the municipality, not the log.
CREATE INDEX participant_by_log ON participant (log_id);
