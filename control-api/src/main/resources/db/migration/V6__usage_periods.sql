-- Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode (the embedded default): keep to the common subset.

-- The contract between metering (which observes usage) and billing (which rates it). Metering owns the samples and
-- lineages behind these tables (V7); billing owns plans and the ledger (V8). Both read and write only what is here.

-- One global sequence of fixed-length periods, by the collector's clock. The lifecycle moves forward only:
-- open -> closing (waiting out the grace for late polls) -> closed (frozen forever; metering's last word)
-- -> rated (billing computed its debits) -> posted (the debits are in the ledger).
CREATE TABLE usage_periods (
    period_start TIMESTAMP WITH TIME ZONE PRIMARY KEY,
    period_end TIMESTAMP WITH TIME ZONE NOT NULL,
    state VARCHAR(16) NOT NULL,
    closed_at TIMESTAMP WITH TIME ZONE,
    rated_at TIMESTAMP WITH TIME ZONE,
    posted_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT usage_periods_state CHECK (state ~ '^(open|closing|closed|rated|posted)$')
);

CREATE INDEX usage_periods_state ON usage_periods (state, period_start);

-- What a closed period measured, per project and resource, in the resource's unit. Written once, in the same
-- transaction that moves the period to closed, and never changed after: billing rates exactly these rows.
CREATE TABLE period_usage (
    period_start TIMESTAMP WITH TIME ZONE NOT NULL REFERENCES usage_periods (period_start),
    project_id BIGINT NOT NULL REFERENCES projects (id),
    resource_id BIGINT NOT NULL REFERENCES resources (id),
    quantity BIGINT NOT NULL,
    PRIMARY KEY (period_start, project_id, resource_id),
    CONSTRAINT period_usage_quantity CHECK (quantity >= 0)
);

CREATE INDEX period_usage_project ON period_usage (project_id, period_start);

-- Usage observed so far in periods that are not closed yet, recomputed by the collector after every poll cycle and
-- deleted when the period closes (same transaction as its period_usage rows). Billing reads it to value the open
-- periods when it computes a project's ongoing balance; it is never billed from.
CREATE TABLE provisional_usage (
    period_start TIMESTAMP WITH TIME ZONE NOT NULL REFERENCES usage_periods (period_start),
    project_id BIGINT NOT NULL REFERENCES projects (id),
    resource_id BIGINT NOT NULL REFERENCES resources (id),
    quantity BIGINT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (period_start, project_id, resource_id),
    CONSTRAINT provisional_usage_quantity CHECK (quantity >= 0)
);

CREATE INDEX provisional_usage_project ON provisional_usage (project_id);
