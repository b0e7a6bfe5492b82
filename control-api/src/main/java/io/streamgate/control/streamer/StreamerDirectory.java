package io.streamgate.control.streamer;

import io.r2dbc.spi.Readable;
import io.streamgate.control.storage.StorageSettings;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The registered streamers, read and written through R2DBC. */
@Component
public class StreamerDirectory {

    private static final TypeReference<Map<String, Object>> SETTINGS = new TypeReference<>() {};
    private static final String SELECT = "SELECT id, name, base_url, region, state, driver, driver_settings,"
            + " max_streams, max_egress_mbps FROM streamers";

    private final DatabaseClient db;
    private final StorageSettings storage;
    private final JsonMapper json;

    StreamerDirectory(DatabaseClient db, StorageSettings storage, JsonMapper json) {
        this.db = db;
        this.storage = storage;
        this.json = json;
    }

    /** Every registered streamer, ordered by id. */
    public Flux<Streamer> all() {
        return db.sql(SELECT + " ORDER BY id").map(this::streamer).all().timeout(storage.statementTimeout());
    }

    public Mono<Streamer> find(String name) {
        return db.sql(SELECT + " WHERE name = :name")
                .bind("name", name)
                .map(this::streamer)
                .one()
                .timeout(storage.statementTimeout());
    }

    Mono<Void> insert(Streamer streamer, OffsetDateTime now) {
        return bound(
                        "INSERT INTO streamers (id, name, base_url, region, state, driver, driver_settings,"
                                + " max_streams, max_egress_mbps, created_at) VALUES (:id, :name, :url, :region,"
                                + " :state, :driver, :settings, :maxStreams, :maxEgress, :now)",
                        streamer)
                .bind("now", now)
                .fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout())
                .then();
    }

    /** The number of rows updated: 0 when the streamer is gone. */
    Mono<Long> update(Streamer streamer) {
        return bound(
                        "UPDATE streamers SET base_url = :url, region = :region, state = :state, driver = :driver,"
                                + " driver_settings = :settings, max_streams = :maxStreams,"
                                + " max_egress_mbps = :maxEgress WHERE id = :id AND name = :name",
                        streamer)
                .fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout());
    }

    /** The number of rows removed; placements on it must be gone first. */
    Mono<Long> delete(long id) {
        return db.sql("DELETE FROM streamers WHERE id = :id")
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout());
    }

    private DatabaseClient.GenericExecuteSpec bound(String sql, Streamer streamer) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql)
                .bind("id", streamer.id())
                .bind("name", streamer.name())
                .bind("url", streamer.baseUrl())
                .bind("state", streamer.state().name().toLowerCase(Locale.ROOT))
                .bind("driver", streamer.driver())
                .bind("settings", json.writeValueAsString(streamer.driverSettings()));
        spec = streamer.region() == null
                ? spec.bindNull("region", String.class)
                : spec.bind("region", streamer.region());
        spec = streamer.maxStreams() == null
                ? spec.bindNull("maxStreams", Integer.class)
                : spec.bind("maxStreams", streamer.maxStreams());
        return streamer.maxEgressMbps() == null
                ? spec.bindNull("maxEgress", Integer.class)
                : spec.bind("maxEgress", streamer.maxEgressMbps());
    }

    private Streamer streamer(Readable row) {
        return new Streamer(
                row.get("id", Long.class),
                row.get("name", String.class),
                row.get("base_url", String.class),
                row.get("region", String.class),
                StreamerState.valueOf(row.get("state", String.class).toUpperCase(Locale.ROOT)),
                row.get("driver", String.class),
                json.readValue(row.get("driver_settings", String.class), SETTINGS),
                row.get("max_streams", Integer.class),
                row.get("max_egress_mbps", Integer.class));
    }
}
