package io.streamgate.control.snapshot;

import io.streamgate.control.storage.StorageSettings;
import io.streamgate.domain.name.InternalStreamName;
import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.domain.snapshot.ConfigSnapshot.FailurePolicy;
import io.streamgate.domain.snapshot.ConfigSnapshot.PlaybackMode;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectStatus;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the whole config in one REPEATABLE READ transaction, so the version and every row in the snapshot belong to
 * the same committed state.
 */
@Component
class SnapshotReader {

    private static final TypeReference<Map<String, Object>> SETTINGS = new TypeReference<>() {};
    private static final TypeReference<List<String>> CHAIN = new TypeReference<>() {};

    private final DatabaseClient db;
    private final StorageSettings storage;
    private final TransactionalOperator tx;
    private final JsonMapper json;

    SnapshotReader(
            DatabaseClient db, StorageSettings storage, ReactiveTransactionManager transactions, JsonMapper json) {
        this.db = db;
        this.storage = storage;
        this.json = json;
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        definition.setReadOnly(true);
        this.tx = TransactionalOperator.create(transactions, definition);
    }

    /** The current version alone: enough to answer a conditional request without reading the rest. */
    Mono<Long> version() {
        return db.sql("SELECT version FROM config_version WHERE id = 1")
                .map(row -> row.get("version", Long.class))
                .one()
                .timeout(storage.statementTimeout());
    }

    Mono<ConfigSnapshot> read() {
        Mono<ConfigSnapshot> all = version().flatMap(version -> domains().flatMap(domains -> projects(domains)
                .flatMap(projects -> streamers().flatMap(streamers -> placements()
                        .flatMap(placements -> streams(placements).flatMap(streams -> authBackends()
                                .map(backends ->
                                        new ConfigSnapshot(version, projects, streamers, streams, backends))))))));
        return tx.transactional(all);
    }

    private Mono<Map<Long, Collection<String>>> domains() {
        return db.sql("SELECT project_id, domain FROM project_domains ORDER BY domain")
                .map(row -> Map.entry(row.get("project_id", Long.class), row.get("domain", String.class)))
                .all()
                .timeout(storage.statementTimeout())
                .collectMultimap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<List<ConfigSnapshot.ProjectEntry>> projects(Map<Long, Collection<String>> domains) {
        return db.sql("SELECT id, name, status, default_auth_chain FROM projects ORDER BY id")
                .map(row -> {
                    long id = row.get("id", Long.class);
                    return new ConfigSnapshot.ProjectEntry(
                            id,
                            row.get("name", String.class),
                            new ArrayList<>(domains.getOrDefault(id, List.of())),
                            ProjectStatus.valueOf(
                                    row.get("status", String.class).toUpperCase(Locale.ROOT)),
                            chain(row.get("default_auth_chain", String.class)));
                })
                .all()
                .timeout(storage.statementTimeout())
                .collectList();
    }

    private Mono<List<ConfigSnapshot.AuthBackendEntry>> authBackends() {
        return db.sql("SELECT project_id, name, type, settings, failure_policy, timeout_ms, stale_for_ms"
                        + " FROM auth_backends ORDER BY project_id, name")
                .map(row -> new ConfigSnapshot.AuthBackendEntry(
                        row.get("project_id", Long.class),
                        row.get("name", String.class),
                        row.get("type", String.class),
                        json.readValue(row.get("settings", String.class), SETTINGS),
                        FailurePolicy.valueOf(
                                row.get("failure_policy", String.class).toUpperCase(Locale.ROOT)),
                        row.get("timeout_ms", Long.class),
                        row.get("stale_for_ms", Long.class)))
                .all()
                .timeout(storage.statementTimeout())
                .collectList();
    }

    /** A JSON array of backend names; {@code null} stays null (a stream without its own chain). */
    private List<String> chain(String text) {
        return text == null ? null : json.readValue(text, CHAIN);
    }

    private Mono<List<ConfigSnapshot.StreamerEntry>> streamers() {
        return db.sql("SELECT id, name, base_url, region, state, driver, driver_settings FROM streamers ORDER BY id")
                .map(row -> new ConfigSnapshot.StreamerEntry(
                        row.get("id", Long.class),
                        row.get("name", String.class),
                        row.get("base_url", String.class),
                        row.get("region", String.class),
                        StreamerState.valueOf(row.get("state", String.class).toUpperCase(Locale.ROOT)),
                        row.get("driver", String.class),
                        json.readValue(row.get("driver_settings", String.class), SETTINGS)))
                .all()
                .timeout(storage.statementTimeout())
                .collectList();
    }

    /**
     * Active and leaving placements alike: a leaving one still serves its viewers until it is removed. Active ones come
     * first, so a gateway that falls back to "the placed streamer" prefers one that stays.
     */
    private Mono<Map<String, Collection<Long>>> placements() {
        return db.sql("SELECT project_id, stream_name, streamer_id FROM placements"
                        + " ORDER BY CASE WHEN state = 'active' THEN 0 ELSE 1 END, streamer_id")
                .map(row -> Map.entry(
                        InternalStreamName.format(
                                row.get("project_id", Long.class), row.get("stream_name", String.class)),
                        row.get("streamer_id", Long.class)))
                .all()
                .timeout(storage.statementTimeout())
                .collectMultimap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<List<ConfigSnapshot.StreamEntry>> streams(Map<String, Collection<Long>> placements) {
        return db.sql("SELECT project_id, name, playback_mode, auth_chain FROM streams ORDER BY project_id, name")
                .map(row -> {
                    long projectId = row.get("project_id", Long.class);
                    String name = row.get("name", String.class);
                    return new ConfigSnapshot.StreamEntry(
                            projectId,
                            name,
                            PlaybackMode.valueOf(
                                    row.get("playback_mode", String.class).toUpperCase(Locale.ROOT)),
                            new ArrayList<>(
                                    placements.getOrDefault(InternalStreamName.format(projectId, name), List.of())),
                            chain(row.get("auth_chain", String.class)));
                })
                .all()
                .timeout(storage.statementTimeout())
                .collectList();
    }
}
