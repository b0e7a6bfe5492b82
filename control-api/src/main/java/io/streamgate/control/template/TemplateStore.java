package io.streamgate.control.template;

import io.r2dbc.spi.Readable;
import io.streamgate.control.storage.StorageSettings;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The publish_templates table; every query is scoped by project id. */
@Component
public class TemplateStore {

    private static final TypeReference<List<String>> CHAIN = new TypeReference<>() {};
    private static final String SELECT = "SELECT project_id, name, prefix, playback_mode, auth_chain, region,"
            + " created_at, updated_at FROM publish_templates";

    private final DatabaseClient db;
    private final StorageSettings storage;
    private final JsonMapper json;

    TemplateStore(DatabaseClient db, StorageSettings storage, JsonMapper json) {
        this.db = db;
        this.storage = storage;
        this.json = json;
    }

    Mono<StoredTemplate> find(long projectId, String name) {
        return db.sql(SELECT + " WHERE project_id = :project AND name = :name")
                .bind("project", projectId)
                .bind("name", name)
                .map(this::stored)
                .one()
                .timeout(storage.statementTimeout());
    }

    Flux<StoredTemplate> all(long projectId) {
        return db.sql(SELECT + " WHERE project_id = :project ORDER BY name")
                .bind("project", projectId)
                .map(this::stored)
                .all()
                .timeout(storage.statementTimeout());
    }

    /** The template with the longest prefix that covers the stream name, if any. */
    public Mono<StoredTemplate> covering(long projectId, String streamName) {
        return all(projectId)
                .filter(template -> template.covers(streamName))
                .sort(Comparator.comparingInt((StoredTemplate t) -> t.prefix().length())
                        .reversed())
                .next();
    }

    Mono<Void> insert(StoredTemplate template) {
        return chain(
                        db.sql("INSERT INTO publish_templates (project_id, name, prefix, playback_mode, auth_chain,"
                                        + " region, created_at, updated_at) VALUES (:project, :name, :prefix, :mode,"
                                        + " :chain, :region, :created, :updated)")
                                .bind("created", utc(template.createdAt())),
                        template)
                .fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout())
                .then();
    }

    Mono<Void> update(StoredTemplate template) {
        return chain(
                        db.sql("UPDATE publish_templates SET prefix = :prefix, playback_mode = :mode,"
                                + " auth_chain = :chain, region = :region, updated_at = :updated"
                                + " WHERE project_id = :project AND name = :name"),
                        template)
                .fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout())
                .then();
    }

    Mono<Long> delete(long projectId, String name) {
        return db.sql("DELETE FROM publish_templates WHERE project_id = :project AND name = :name")
                .bind("project", projectId)
                .bind("name", name)
                .fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout());
    }

    /** Binds every column but created_at; the nullable ones as SQL NULL when absent. */
    private DatabaseClient.GenericExecuteSpec chain(DatabaseClient.GenericExecuteSpec spec, StoredTemplate template) {
        spec = spec.bind("project", template.projectId())
                .bind("name", template.name())
                .bind("prefix", template.prefix())
                .bind("mode", template.playbackMode())
                .bind("updated", utc(template.updatedAt()));
        spec = template.authChain() == null
                ? spec.bindNull("chain", String.class)
                : spec.bind("chain", json.writeValueAsString(template.authChain()));
        return template.region() == null
                ? spec.bindNull("region", String.class)
                : spec.bind("region", template.region());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private StoredTemplate stored(Readable row) {
        String chain = row.get("auth_chain", String.class);
        return new StoredTemplate(
                row.get("project_id", Long.class),
                row.get("name", String.class),
                row.get("prefix", String.class),
                row.get("playback_mode", String.class),
                chain == null ? null : json.readValue(chain, CHAIN),
                row.get("region", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }
}
