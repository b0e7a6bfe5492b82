package io.streamgate.control.placement;

import io.r2dbc.spi.Readable;
import io.streamgate.control.storage.StorageSettings;
import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Reads the recorded placement changes, newest first. */
@Component
public class PlacementEventLog {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private static final String SELECT = "SELECT id, project_id, stream_name, streamer_id, streamer_name, action,"
            + " reason, at FROM placement_events";

    private final DatabaseClient db;
    private final StorageSettings storage;

    PlacementEventLog(DatabaseClient db, StorageSettings storage) {
        this.db = db;
        this.storage = storage;
    }

    /** The stream's latest events. */
    public Flux<PlacementEvent> ofStream(long projectId, String streamName, int limit) {
        return db.sql(SELECT + " WHERE project_id = :project AND stream_name = :name ORDER BY id DESC LIMIT :limit")
                .bind("project", projectId)
                .bind("name", streamName)
                .bind("limit", limit)
                .map(PlacementEventLog::event)
                .all()
                .timeout(storage.statementTimeout());
    }

    /** The latest events of every stream. */
    public Flux<PlacementEvent> latest(int limit) {
        return db.sql(SELECT + " ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(PlacementEventLog::event)
                .all()
                .timeout(storage.statementTimeout());
    }

    /**
     * The {@code limit} query parameter: absent means {@value #DEFAULT_LIMIT}.
     *
     * @throws ProblemException naming the field {@code limit}
     */
    public static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        Integer parsed = null;
        try {
            parsed = Integer.valueOf(value);
        } catch (NumberFormatException e) {
            // Answered below, with what was expected.
        }
        if (parsed != null && parsed >= 1 && parsed <= MAX_LIMIT) {
            return parsed;
        }
        String shown = (value.length() > 20 ? value.substring(0, 20) + "..." : value).replaceAll("\\p{Cntrl}", "?");
        throw ProblemException.field(
                ProblemType.INVALID_FIELD,
                "limit",
                "limit: '" + shown + "' (expected: an integer 1.." + MAX_LIMIT + ")");
    }

    private static PlacementEvent event(Readable row) {
        return new PlacementEvent(
                row.get("id", Long.class),
                row.get("project_id", Long.class),
                row.get("stream_name", String.class),
                row.get("streamer_id", Long.class),
                row.get("streamer_name", String.class),
                PlacementAction.valueOf(row.get("action", String.class).toUpperCase(Locale.ROOT)),
                row.get("reason", String.class),
                row.get("at", OffsetDateTime.class).toInstant());
    }
}
