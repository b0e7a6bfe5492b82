package io.streamgate.control.placement;

import io.streamgate.control.storage.StorageSettings;
import io.streamgate.control.streamer.Streamer;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The placements table: which streamer runs which stream. Callers run these inside their own transaction. */
@Component
public class PlacementStore {

    private final DatabaseClient db;
    private final StorageSettings storage;

    PlacementStore(DatabaseClient db, StorageSettings storage) {
        this.db = db;
        this.storage = storage;
    }

    /** Every registered streamer with its current number of placements. */
    public Flux<StreamerLoad> loads() {
        return db.sql("SELECT s.id AS id, COUNT(p.streamer_id) AS n FROM streamers s"
                        + " LEFT JOIN placements p ON p.streamer_id = s.id GROUP BY s.id ORDER BY s.id")
                .map(row -> new StreamerLoad(row.get("id", Long.class), row.get("n", Long.class)))
                .all()
                .timeout(storage.statementTimeout());
    }

    /** The streamers a stream is placed on, ordered by streamer id. */
    public Flux<Streamer> streamersOf(long projectId, String streamName) {
        return db.sql("SELECT s.id, s.name, s.base_url FROM placements p JOIN streamers s ON s.id = p.streamer_id"
                        + " WHERE p.project_id = :project AND p.stream_name = :name ORDER BY s.id")
                .bind("project", projectId)
                .bind("name", streamName)
                .map(row -> new Streamer(
                        row.get("id", Long.class), row.get("name", String.class), row.get("base_url", String.class)))
                .all()
                .timeout(storage.statementTimeout());
    }

    /** Every placement of a project's streams, for lists: stream name → streamer. */
    public Flux<Placed> ofProject(long projectId) {
        return db.sql("SELECT p.stream_name, s.id, s.name, s.base_url FROM placements p"
                        + " JOIN streamers s ON s.id = p.streamer_id WHERE p.project_id = :project"
                        + " ORDER BY p.stream_name, s.id")
                .bind("project", projectId)
                .map(row -> new Placed(
                        row.get("stream_name", String.class),
                        new Streamer(
                                row.get("id", Long.class),
                                row.get("name", String.class),
                                row.get("base_url", String.class))))
                .all()
                .timeout(storage.statementTimeout());
    }

    /** Adds placements (the stream's row must exist). */
    public Mono<Void> add(long projectId, String streamName, List<Long> streamerIds) {
        return Flux.fromIterable(streamerIds)
                .concatMap(id -> db.sql("INSERT INTO placements (project_id, stream_name, streamer_id)"
                                + " VALUES (:project, :name, :streamer)")
                        .bind("project", projectId)
                        .bind("name", streamName)
                        .bind("streamer", id)
                        .fetch()
                        .rowsUpdated()
                        .timeout(storage.statementTimeout()))
                .then();
    }

    /** A stream placed on a streamer. */
    public record Placed(String streamName, Streamer streamer) {}
}
