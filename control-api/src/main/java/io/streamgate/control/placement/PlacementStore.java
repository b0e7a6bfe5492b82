package io.streamgate.control.placement;

import io.r2dbc.spi.Readable;
import io.streamgate.control.storage.StorageSettings;
import io.streamgate.control.streamer.Streamer;
import io.streamgate.control.streamer.StreamerPlacements;
import io.streamgate.domain.id.SnowflakeIdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The placements table: which streamer runs which stream. Every write records its event in the same statement
 * sequence, so the events are a complete history; callers run writes inside their own transaction (a config change).
 */
@Component
public class PlacementStore implements StreamerPlacements {

    private static final String SELECT = "SELECT project_id, stream_name, streamer_id, state, since FROM placements";

    private final DatabaseClient db;
    private final StorageSettings storage;
    private final SnowflakeIdGenerator ids;
    private final Clock clock;

    PlacementStore(DatabaseClient db, StorageSettings storage, SnowflakeIdGenerator ids, Clock clock) {
        this.db = db;
        this.storage = storage;
        this.ids = ids;
        this.clock = clock;
    }

    /** Every placement, ordered by project, stream and streamer. */
    public Flux<Placement> all() {
        return db.sql(SELECT + " ORDER BY project_id, stream_name, streamer_id")
                .map(PlacementStore::placement)
                .all()
                .timeout(storage.statementTimeout());
    }

    /** The stream's placements, ordered by streamer id. */
    public Flux<Placement> ofStream(long projectId, String streamName) {
        return db.sql(SELECT + " WHERE project_id = :project AND stream_name = :name ORDER BY streamer_id")
                .bind("project", projectId)
                .bind("name", streamName)
                .map(PlacementStore::placement)
                .all()
                .timeout(storage.statementTimeout());
    }

    /** Every placement of a project's streams, ordered by stream and streamer. */
    public Flux<Placement> ofProject(long projectId) {
        return db.sql(SELECT + " WHERE project_id = :project ORDER BY stream_name, streamer_id")
                .bind("project", projectId)
                .map(PlacementStore::placement)
                .all()
                .timeout(storage.statementTimeout());
    }

    @Override
    public Mono<Map<Long, Long>> countByStreamer() {
        return counts("SELECT streamer_id, COUNT(*) AS n FROM placements GROUP BY streamer_id");
    }

    /** How many active placements each streamer holds: what its stream capacity counts. */
    public Mono<Map<Long, Long>> activeByStreamer() {
        return counts("SELECT streamer_id, COUNT(*) AS n FROM placements WHERE state = 'active' GROUP BY streamer_id");
    }

    private Mono<Map<Long, Long>> counts(String sql) {
        return db.sql(sql)
                .map(row -> Map.entry(row.get("streamer_id", Long.class), row.get("n", Long.class)))
                .all()
                .timeout(storage.statementTimeout())
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Adds an active placement (the stream's row must exist). */
    public Mono<Void> place(long projectId, String streamName, Streamer streamer, String reason, Instant now) {
        return one(
                        db.sql("INSERT INTO placements (project_id, stream_name, streamer_id, state, since)"
                                + " VALUES (:project, :name, :streamer, 'active', :since)"),
                        projectId,
                        streamName,
                        streamer)
                .bind("since", utc(now))
                .fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout())
                .then(record(
                        projectId, streamName, streamer.id(), streamer.name(), PlacementAction.PLACED, reason, now));
    }

    /** Marks an active placement as leaving; nothing (and no event) when it is not active. */
    public Mono<Void> leave(long projectId, String streamName, Streamer streamer, String reason, Instant now) {
        return recordIfChanged(
                one(
                                db.sql(
                                        "UPDATE placements SET state = 'leaving', since = :since WHERE project_id = :project"
                                                + " AND stream_name = :name AND streamer_id = :streamer AND state = 'active'"),
                                projectId,
                                streamName,
                                streamer)
                        .bind("since", utc(now)),
                projectId,
                streamName,
                streamer,
                PlacementAction.LEAVING,
                reason,
                now);
    }

    /** Removes a placement; nothing (and no event) when it is gone already. */
    public Mono<Void> remove(long projectId, String streamName, Streamer streamer, String reason, Instant now) {
        return recordIfChanged(
                one(
                        db.sql("DELETE FROM placements"
                                + " WHERE project_id = :project AND stream_name = :name AND streamer_id = :streamer"),
                        projectId,
                        streamName,
                        streamer),
                projectId,
                streamName,
                streamer,
                PlacementAction.REMOVED,
                reason,
                now);
    }

    /** Binds the key of one placement: {@code :project}, {@code :name}, {@code :streamer}. */
    private static DatabaseClient.GenericExecuteSpec one(
            DatabaseClient.GenericExecuteSpec spec, long projectId, String streamName, Streamer streamer) {
        return spec.bind("project", projectId).bind("name", streamName).bind("streamer", streamer.id());
    }

    /** Runs a change of one placement and records its event only when a row changed. */
    private Mono<Void> recordIfChanged(
            DatabaseClient.GenericExecuteSpec change,
            long projectId,
            String streamName,
            Streamer streamer,
            PlacementAction action,
            String reason,
            Instant now) {
        return change.fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout())
                .flatMap(rows -> rows == 0
                        ? Mono.<Void>empty()
                        : record(projectId, streamName, streamer.id(), streamer.name(), action, reason, now));
    }

    /** Records a removal event for each placement of the stream, which is about to be deleted with it (cascade). */
    public Mono<Void> recordStreamRemoval(long projectId, String streamName, String reason, Instant now) {
        return db.sql("SELECT p.streamer_id, s.name FROM placements p JOIN streamers s ON s.id = p.streamer_id"
                        + " WHERE p.project_id = :project AND p.stream_name = :name ORDER BY p.streamer_id")
                .bind("project", projectId)
                .bind("name", streamName)
                .map(row -> Map.entry(row.get("streamer_id", Long.class), row.get("name", String.class)))
                .all()
                .timeout(storage.statementTimeout())
                .concatMap(streamer -> record(
                        projectId,
                        streamName,
                        streamer.getKey(),
                        streamer.getValue(),
                        PlacementAction.REMOVED,
                        reason,
                        now))
                .then();
    }

    @Override
    public Mono<Void> removeAllOn(Streamer streamer, String reason) {
        Instant now = clock.instant();
        return db.sql("SELECT project_id, stream_name FROM placements WHERE streamer_id = :streamer"
                        + " ORDER BY project_id, stream_name")
                .bind("streamer", streamer.id())
                .map(row -> Map.entry(row.get("project_id", Long.class), row.get("stream_name", String.class)))
                .all()
                .timeout(storage.statementTimeout())
                .concatMap(placed -> remove(placed.getKey(), placed.getValue(), streamer, reason, now))
                .then();
    }

    private Mono<Void> record(
            long projectId,
            String streamName,
            long streamerId,
            String streamerName,
            PlacementAction action,
            String reason,
            Instant at) {
        // Deferred, so an event's id is taken when it is written, in the order events are written.
        return Mono.defer(() -> db.sql("INSERT INTO placement_events"
                        + " (id, project_id, stream_name, streamer_id, streamer_name, action, reason, at)"
                        + " VALUES (:id, :project, :name, :streamer, :streamerName, :action, :reason, :at)")
                .bind("id", ids.next())
                .bind("project", projectId)
                .bind("name", streamName)
                .bind("streamer", streamerId)
                .bind("streamerName", streamerName)
                .bind("action", action.wire())
                .bind("reason", reason)
                .bind("at", utc(at))
                .fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout())
                .then());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Placement placement(Readable row) {
        OffsetDateTime since = row.get("since", OffsetDateTime.class);
        return new Placement(
                row.get("project_id", Long.class),
                row.get("stream_name", String.class),
                row.get("streamer_id", Long.class),
                PlacementState.ofWire(row.get("state", String.class)),
                since == null ? null : since.toInstant());
    }
}
