package io.streamgate.control.auth;

import io.r2dbc.spi.Readable;
import io.streamgate.control.storage.StorageSettings;
import io.streamgate.plugin.host.auth.FailurePolicy;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code auth_backends} table, and the chains that name backends. Every query is scoped by project id, so one
 * project never reads or names another's backends.
 */
@Component
class AuthBackendStore {

    private static final TypeReference<Map<String, Object>> SETTINGS = new TypeReference<>() {};
    private static final TypeReference<List<String>> CHAIN = new TypeReference<>() {};
    private static final String SELECT = "SELECT project_id, name, type, settings, failure_policy, timeout_ms,"
            + " stale_for_ms, created_at, updated_at FROM auth_backends";

    private final DatabaseClient db;
    private final StorageSettings storage;
    private final JsonMapper json;

    AuthBackendStore(DatabaseClient db, StorageSettings storage, JsonMapper json) {
        this.db = db;
        this.storage = storage;
        this.json = json;
    }

    Mono<StoredAuthBackend> find(long projectId, String name) {
        return db.sql(SELECT + " WHERE project_id = :project AND name = :name")
                .bind("project", projectId)
                .bind("name", name)
                .map(this::stored)
                .one()
                .timeout(storage.statementTimeout());
    }

    Flux<StoredAuthBackend> all(long projectId) {
        return db.sql(SELECT + " WHERE project_id = :project ORDER BY name")
                .bind("project", projectId)
                .map(this::stored)
                .all()
                .timeout(storage.statementTimeout());
    }

    Flux<String> names(long projectId) {
        return db.sql("SELECT name FROM auth_backends WHERE project_id = :project")
                .bind("project", projectId)
                .map(row -> row.get("name", String.class))
                .all()
                .timeout(storage.statementTimeout());
    }

    Mono<Void> insert(StoredAuthBackend backend) {
        return execute(bound(
                        "INSERT INTO auth_backends (project_id, name, type, settings, failure_policy, timeout_ms,"
                                + " stale_for_ms, created_at, updated_at) VALUES (:project, :name, :type, :settings,"
                                + " :policy, :timeout, :stale, :created, :updated)",
                        backend)
                .bind("created", utc(backend.createdAt())));
    }

    Mono<Void> update(StoredAuthBackend backend) {
        return execute(bound(
                "UPDATE auth_backends SET type = :type, settings = :settings, failure_policy = :policy,"
                        + " timeout_ms = :timeout, stale_for_ms = :stale, updated_at = :updated"
                        + " WHERE project_id = :project AND name = :name",
                backend));
    }

    /** The parameters an insert and an update share. */
    private DatabaseClient.GenericExecuteSpec bound(String sql, StoredAuthBackend backend) {
        return db.sql(sql)
                .bind("project", backend.projectId())
                .bind("name", backend.name())
                .bind("type", backend.type())
                .bind("settings", json.writeValueAsString(backend.settings()))
                .bind("policy", policy(backend.failurePolicy()))
                .bind("timeout", backend.timeoutMillis())
                .bind("stale", backend.staleForMillis())
                .bind("updated", utc(backend.updatedAt()));
    }

    private Mono<Void> execute(DatabaseClient.GenericExecuteSpec statement) {
        return statement
                .fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout())
                .then();
    }

    Mono<Long> delete(long projectId, String name) {
        return db.sql("DELETE FROM auth_backends WHERE project_id = :project AND name = :name")
                .bind("project", projectId)
                .bind("name", name)
                .fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout());
    }

    /**
     * What names the backend: {@code stream '<name>'} for each stream chain, {@code project default chain}. Chains are
     * JSON text, so they are read and searched here; a project has few streams with an own chain.
     */
    Mono<List<String>> usersOf(long projectId, String name) {
        Mono<List<String>> streams = db.sql("SELECT name, auth_chain FROM streams"
                        + " WHERE project_id = :project AND auth_chain IS NOT NULL ORDER BY name")
                .bind("project", projectId)
                .map(row -> Map.entry(row.get("name", String.class), chain(row.get("auth_chain", String.class))))
                .all()
                .timeout(storage.statementTimeout())
                .filter(entry -> entry.getValue().contains(name))
                .map(entry -> "stream '" + entry.getKey() + "'")
                .collectList();
        Mono<Boolean> projectDefault = db.sql("SELECT default_auth_chain FROM projects WHERE id = :project")
                .bind("project", projectId)
                .map(row -> chain(row.get("default_auth_chain", String.class)).contains(name))
                .one()
                .defaultIfEmpty(false)
                .timeout(storage.statementTimeout());
        return projectDefault.flatMap(inDefault -> streams.map(users -> {
            List<String> all = new ArrayList<>();
            if (inDefault) {
                all.add("project default chain");
            }
            all.addAll(users);
            return all;
        }));
    }

    List<String> chain(String text) {
        return text == null ? null : json.readValue(text, CHAIN);
    }

    private static String policy(FailurePolicy policy) {
        return policy.name().toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private StoredAuthBackend stored(Readable row) {
        return new StoredAuthBackend(
                row.get("project_id", Long.class),
                row.get("name", String.class),
                row.get("type", String.class),
                json.readValue(row.get("settings", String.class), SETTINGS),
                FailurePolicy.valueOf(row.get("failure_policy", String.class).toUpperCase(Locale.ROOT)),
                row.get("timeout_ms", Long.class),
                row.get("stale_for_ms", Long.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }
}
