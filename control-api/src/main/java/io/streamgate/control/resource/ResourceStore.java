package io.streamgate.control.resource;

import io.r2dbc.spi.Readable;
import io.streamgate.control.storage.StorageSettings;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Locale;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The resources table, read and written through R2DBC. Rows are never deleted. */
@Component
class ResourceStore {

    private static final String SELECT = "SELECT id, name, method, unit, description, created_at FROM resources";

    private final DatabaseClient db;
    private final StorageSettings storage;

    ResourceStore(DatabaseClient db, StorageSettings storage) {
        this.db = db;
        this.storage = storage;
    }

    Mono<Resource> find(String name) {
        return db.sql(SELECT + " WHERE name = :name")
                .bind("name", name)
                .map(ResourceStore::resource)
                .one()
                .timeout(storage.statementTimeout());
    }

    /**
     * Every resource, ordered by name code point by code point. Sorted here, not by ORDER BY: PostgreSQL's collation
     * (en_US and the like) skips underscores when it compares, H2 does not, and the catalog is small.
     */
    Flux<Resource> all() {
        return db.sql(SELECT)
                .map(ResourceStore::resource)
                .all()
                .timeout(storage.statementTimeout())
                .sort(Comparator.comparing(Resource::name));
    }

    /** Fails with a {@code DuplicateKeyException} when the name is taken. */
    Mono<Void> insert(Resource resource) {
        var spec = db.sql("INSERT INTO resources (id, name, method, unit, description, created_at)"
                        + " VALUES (:id, :name, :method, :unit, :description, :created)")
                .bind("id", resource.id())
                .bind("name", resource.name())
                .bind("method", resource.method().wire())
                .bind("unit", resource.unit())
                .bind("created", resource.createdAt().atOffset(ZoneOffset.UTC));
        spec = resource.description() == null
                ? spec.bindNull("description", String.class)
                : spec.bind("description", resource.description());
        return spec.fetch().rowsUpdated().timeout(storage.statementTimeout()).then();
    }

    /** The number of rows updated: 0 when there is no such resource. */
    Mono<Long> updateDescription(String name, String description) {
        var spec = db.sql("UPDATE resources SET description = :description WHERE name = :name")
                .bind("name", name);
        spec = description == null ? spec.bindNull("description", String.class) : spec.bind("description", description);
        return spec.fetch().rowsUpdated().timeout(storage.statementTimeout());
    }

    private static Resource resource(Readable row) {
        return new Resource(
                row.get("id", Long.class),
                row.get("name", String.class),
                Resource.Method.valueOf(row.get("method", String.class).toUpperCase(Locale.ROOT)),
                row.get("unit", String.class),
                row.get("description", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }
}
