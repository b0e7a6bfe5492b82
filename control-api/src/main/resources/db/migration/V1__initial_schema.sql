-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode (the embedded default): keep to the common subset.

CREATE TABLE projects (
    id BIGINT PRIMARY KEY,
    name VARCHAR(64) NOT NULL,
    status VARCHAR(16) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A domain routes players to exactly one project, so it is unique across projects.
CREATE TABLE project_domains (
    domain VARCHAR(253) PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    CONSTRAINT project_domains_lowercase CHECK (domain = LOWER(domain))
);

CREATE INDEX project_domains_project ON project_domains (project_id);

-- Only the SHA-256 of a key is kept: a database dump must not hand out working credentials.
CREATE TABLE api_keys (
    key_hash VARCHAR(64) PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES projects (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE streamers (
    id BIGINT PRIMARY KEY,
    name VARCHAR(64) NOT NULL UNIQUE,
    base_url VARCHAR(2048) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE streams (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    name VARCHAR(64) NOT NULL,
    inputs TEXT NOT NULL,
    playback_mode VARCHAR(16) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, name)
);

CREATE TABLE placements (
    project_id BIGINT NOT NULL,
    stream_name VARCHAR(64) NOT NULL,
    streamer_id BIGINT NOT NULL REFERENCES streamers (id),
    PRIMARY KEY (project_id, stream_name, streamer_id),
    FOREIGN KEY (project_id, stream_name) REFERENCES streams (project_id, name) ON DELETE CASCADE
);

CREATE INDEX placements_streamer ON placements (streamer_id);

-- One row: every change bumps it in its own transaction, which also serialises writers on the row lock.
CREATE TABLE config_version (
    id INT PRIMARY KEY,
    version BIGINT NOT NULL,
    CONSTRAINT config_version_single_row CHECK (id = 1)
);

INSERT INTO config_version (id, version) VALUES (1, 0);
