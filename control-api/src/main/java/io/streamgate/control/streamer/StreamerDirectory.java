package io.streamgate.control.streamer;

import io.streamgate.control.storage.StorageSettings;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The registered streamers, read and written through R2DBC. */
@Component
public class StreamerDirectory {

    private final DatabaseClient db;
    private final StorageSettings storage;

    StreamerDirectory(DatabaseClient db, StorageSettings storage) {
        this.db = db;
        this.storage = storage;
    }

    /** Every registered streamer, ordered by id. */
    public Flux<Streamer> all() {
        return db.sql("SELECT id, name, base_url FROM streamers ORDER BY id")
                .map(row -> new Streamer(
                        row.get("id", Long.class), row.get("name", String.class), row.get("base_url", String.class)))
                .all()
                .timeout(storage.statementTimeout());
    }

    Mono<Boolean> nameTaken(String name) {
        return db.sql("SELECT COUNT(*) AS n FROM streamers WHERE name = :name")
                .bind("name", name)
                .map(row -> row.get("n", Long.class))
                .one()
                .map(n -> n > 0)
                .timeout(storage.statementTimeout());
    }

    Mono<Void> insert(Streamer streamer, java.time.OffsetDateTime now) {
        return db.sql("INSERT INTO streamers (id, name, base_url, created_at) VALUES (:id, :name, :url, :now)")
                .bind("id", streamer.id())
                .bind("name", streamer.name())
                .bind("url", streamer.baseUrl())
                .bind("now", now)
                .fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout())
                .then();
    }
}
