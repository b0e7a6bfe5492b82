-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode (the embedded default): keep to the common subset.

-- Streamers get what placement needs: a region, capacity (NULL = no limit), an admin state, and the driver plugin
-- (with its settings, a JSON object validated by the plugin on save) that talks to them.
ALTER TABLE streamers ADD COLUMN region VARCHAR(64);
ALTER TABLE streamers ADD COLUMN state VARCHAR(16) NOT NULL DEFAULT 'active';
ALTER TABLE streamers ADD COLUMN max_streams INT;
ALTER TABLE streamers ADD COLUMN max_egress_mbps INT;
ALTER TABLE streamers ADD COLUMN driver VARCHAR(32) NOT NULL DEFAULT 'flussonic';
ALTER TABLE streamers ADD COLUMN driver_settings TEXT NOT NULL DEFAULT '{}';
ALTER TABLE streamers ADD CONSTRAINT streamers_state CHECK (state IN ('active', 'draining', 'disabled'));

-- A stream may ask for a region; NULL places it anywhere.
ALTER TABLE streams ADD COLUMN region VARCHAR(64);

-- A placement being drained away stays until its replacement is live and the grace period has passed, so viewers
-- on it are never cut off; 'since' is when it entered its state.
ALTER TABLE placements ADD COLUMN state VARCHAR(16) NOT NULL DEFAULT 'active';
ALTER TABLE placements ADD COLUMN since TIMESTAMP WITH TIME ZONE;
ALTER TABLE placements ADD CONSTRAINT placements_state CHECK (state IN ('active', 'leaving'));

-- Every placement change, for operators and for post-mortems. Ids are Snowflakes, so they sort by time.
CREATE TABLE placement_events (
    id BIGINT PRIMARY KEY,
    project_id BIGINT NOT NULL,
    stream_name VARCHAR(64) NOT NULL,
    streamer_id BIGINT NOT NULL,
    streamer_name VARCHAR(64) NOT NULL,
    action VARCHAR(16) NOT NULL,
    reason VARCHAR(32) NOT NULL,
    at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT placement_events_action CHECK (action IN ('placed', 'leaving', 'removed'))
);

CREATE INDEX placement_events_stream ON placement_events (project_id, stream_name, id);

-- Leases elect one leader among control-api instances for work only one may do (the reconcile loop): whoever holds
-- an unexpired row leads; it renews well before expiry, and anyone may take an expired one.
CREATE TABLE leader_leases (
    name VARCHAR(64) PRIMARY KEY,
    holder VARCHAR(128) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A publish template lets encoders publish any name under a prefix; the stream is created on first publish with the
-- template's settings.
CREATE TABLE publish_templates (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    name VARCHAR(64) NOT NULL,
    prefix VARCHAR(64) NOT NULL,
    playback_mode VARCHAR(16) NOT NULL,
    auth_chain TEXT,
    region VARCHAR(64),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, name),
    CONSTRAINT publish_templates_prefix UNIQUE (project_id, prefix)
);
