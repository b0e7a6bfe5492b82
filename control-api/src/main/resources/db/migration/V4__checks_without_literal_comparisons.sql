-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode (the embedded default): keep to the common subset.

-- H2 (2.4.240) evaluates a CHECK that compares a column with a string literal through the session that created the
-- constraint; once that session is closed (Flyway's migration connection), every insert fails with "Check
-- constraint invalid ... The database has been closed". So the embedded default could not register a streamer or
-- store a placement at all. A regular-expression match does not go through that path, and means the same on both
-- databases, so the same rules are written that way.
ALTER TABLE streamers DROP CONSTRAINT streamers_state;
ALTER TABLE streamers ADD CONSTRAINT streamers_state CHECK (state ~ '^(active|draining|disabled)$');

ALTER TABLE placements DROP CONSTRAINT placements_state;
ALTER TABLE placements ADD CONSTRAINT placements_state CHECK (state ~ '^(active|leaving)$');

ALTER TABLE placement_events DROP CONSTRAINT placement_events_action;
ALTER TABLE placement_events ADD CONSTRAINT placement_events_action CHECK (action ~ '^(placed|leaving|removed)$');

-- The same bug made every auth backend insert fail on the embedded default.
ALTER TABLE auth_backends DROP CONSTRAINT auth_backends_failure_policy;
ALTER TABLE auth_backends ADD CONSTRAINT auth_backends_failure_policy CHECK (failure_policy ~ '^(open|closed)$');
