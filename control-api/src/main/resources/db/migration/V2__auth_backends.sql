-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode (the embedded default): keep to the common subset.

-- An operator's auth backend: a plugin type and its settings (a JSON object, validated by the plugin on save).
CREATE TABLE auth_backends (
    project_id BIGINT NOT NULL REFERENCES projects (id),
    name VARCHAR(64) NOT NULL,
    type VARCHAR(64) NOT NULL,
    settings TEXT NOT NULL,
    failure_policy VARCHAR(8) NOT NULL,
    timeout_ms BIGINT NOT NULL,
    stale_for_ms BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, name),
    CONSTRAINT auth_backends_failure_policy CHECK (failure_policy IN ('open', 'closed'))
);

-- Chains are JSON arrays of backend names of the same project. A stream's NULL chain means the project's default;
-- an empty array means no check at all.
ALTER TABLE streams ADD COLUMN auth_chain TEXT;
ALTER TABLE projects ADD COLUMN default_auth_chain TEXT NOT NULL DEFAULT '[]';
