package io.streamgate.control.stream;

import io.r2dbc.spi.Readable;
import io.streamgate.control.storage.StorageSettings;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The streams table. Every query is scoped by project id, so one project never reads another's rows. */
@Component
class StreamStore {

    private static final TypeReference<List<StreamInput>> INPUTS = new TypeReference<>() {};
    private static final TypeReference<List<String>> CHAIN = new TypeReference<>() {};

    private final DatabaseClient db;
    private final StorageSettings storage;
    private final JsonMapper json;

    StreamStore(DatabaseClient db, StorageSettings storage, JsonMapper json) {
        this.db = db;
        this.storage = storage;
        this.json = json;
    }

    private static final String SELECT_STREAMS =
            "SELECT project_id, name, inputs, playback_mode, auth_chain, region, created_at, updated_at FROM streams";

    Mono<StoredStream> find(long projectId, String name) {
        return db.sql(SELECT_STREAMS + " WHERE project_id = :project AND name = :name")
                .bind("project", projectId)
                .bind("name", name)
                .map(this::stored)
                .one()
                .timeout(storage.statementTimeout());
    }

    Flux<StoredStream> all(long projectId) {
        return db.sql(SELECT_STREAMS + " WHERE project_id = :project ORDER BY name")
                .bind("project", projectId)
                .map(this::stored)
                .all()
                .timeout(storage.statementTimeout());
    }

    Mono<Void> insert(StoredStream stream) {
        return optional(
                        db.sql("INSERT INTO streams (project_id, name, inputs, playback_mode, auth_chain, region,"
                                        + " created_at, updated_at) VALUES (:project, :name, :inputs, :mode,"
                                        + " :chain, :region, :created, :updated)")
                                .bind("project", stream.projectId())
                                .bind("name", stream.name())
                                .bind("inputs", json.writeValueAsString(stream.inputs()))
                                .bind("mode", stream.playbackMode()),
                        stream)
                .bind("created", utc(stream.createdAt()))
                .bind("updated", utc(stream.updatedAt()))
                .fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout())
                .then();
    }

    Mono<Void> update(StoredStream stream) {
        return optional(
                        db.sql("UPDATE streams SET inputs = :inputs, playback_mode = :mode, auth_chain = :chain,"
                                        + " region = :region, updated_at = :updated"
                                        + " WHERE project_id = :project AND name = :name")
                                .bind("project", stream.projectId())
                                .bind("name", stream.name())
                                .bind("inputs", json.writeValueAsString(stream.inputs()))
                                .bind("mode", stream.playbackMode()),
                        stream)
                .bind("updated", utc(stream.updatedAt()))
                .fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout())
                .then();
    }

    /** The number of rows removed (placements go with the stream, by cascade). */
    Mono<Long> delete(long projectId, String name) {
        return db.sql("DELETE FROM streams WHERE project_id = :project AND name = :name")
                .bind("project", projectId)
                .bind("name", name)
                .fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout());
    }

    /**
     * Binds {@code :chain}, SQL NULL (the project default applies) or the JSON array, and {@code :region}, SQL NULL
     * (any region) or its name.
     */
    private DatabaseClient.GenericExecuteSpec optional(DatabaseClient.GenericExecuteSpec spec, StoredStream stream) {
        DatabaseClient.GenericExecuteSpec chained = stream.authChain() == null
                ? spec.bindNull("chain", String.class)
                : spec.bind("chain", json.writeValueAsString(stream.authChain()));
        return stream.region() == null
                ? chained.bindNull("region", String.class)
                : chained.bind("region", stream.region());
    }

    private List<String> chain(String text) {
        return text == null ? null : json.readValue(text, CHAIN);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private StoredStream stored(Readable row) {
        return new StoredStream(
                row.get("project_id", Long.class),
                row.get("name", String.class),
                json.readValue(row.get("inputs", String.class), INPUTS),
                row.get("playback_mode", String.class),
                chain(row.get("auth_chain", String.class)),
                row.get("region", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }
}
