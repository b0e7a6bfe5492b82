-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode (the embedded default): keep to the common subset.

-- The catalog of what usage is measured in, one flat list shared by every part. Usage and prices will refer to a
-- resource, so its name, method and unit never change and it is never deleted: only the description may be edited,
-- which is why there is no updated_at. The checks are regular expressions, not comparisons with literals: see V4.
CREATE TABLE resources (
    id BIGINT PRIMARY KEY,
    name VARCHAR(64) NOT NULL UNIQUE,
    method VARCHAR(16) NOT NULL,
    unit VARCHAR(32) NOT NULL,
    description VARCHAR(512),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT resources_name CHECK (name ~ '^[a-z][a-z0-9_]{0,63}$'),
    CONSTRAINT resources_method CHECK (method ~ '^(counter|gauge)$'),
    CONSTRAINT resources_unit CHECK (unit ~ '^[a-z][a-z0-9_]{0,31}$')
);

-- The built-ins the streamers' counters and the gateway measure. Seeded here rather than at start-up: a migration
-- runs exactly once per database, before any instance serves a request, so no instance ever sees a catalog without
-- them and instances starting together cannot race to insert them. Their ids are fixed so that every installation
-- knows them by the same id: Snowflakes of the epoch's first millisecond (node 0, sequences 1 to 5), which no
-- generator whose clock is past 2024-01-01 can produce again.
INSERT INTO resources (id, name, method, unit, description, created_at) VALUES
    (1, 'traffic_out_bytes', 'counter', 'bytes', 'Bytes sent to players by streamers.', CURRENT_TIMESTAMP),
    (2, 'viewer_seconds', 'counter', 'seconds', 'Seconds watched, summed over viewers.', CURRENT_TIMESTAMP),
    (3, 'stream_seconds', 'counter', 'seconds', 'Seconds a stream is live.', CURRENT_TIMESTAMP),
    (4, 'dvr_storage_byte_seconds', 'gauge', 'byte_seconds', 'DVR storage held, integrated over time.',
        CURRENT_TIMESTAMP),
    (5, 'api_calls', 'counter', 'calls', 'Calls to the operator API.', CURRENT_TIMESTAMP);
