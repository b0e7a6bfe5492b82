package io.streamgate.control.reconcile;

import io.streamgate.control.placement.PlacementStore;
import io.streamgate.control.storage.StorageSettings;
import io.streamgate.control.stream.StreamInput;
import io.streamgate.control.streamer.StreamerDirectory;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads everything a round decides on. The reads run one after another, so inside a transaction they share its
 * connection.
 */
@Component
class ReconcileStore {

    private static final TypeReference<List<StreamInput>> INPUTS = new TypeReference<>() {};

    private final DatabaseClient db;
    private final StorageSettings storage;
    private final StreamerDirectory streamers;
    private final PlacementStore placements;
    private final JsonMapper json;

    ReconcileStore(
            DatabaseClient db,
            StorageSettings storage,
            StreamerDirectory streamers,
            PlacementStore placements,
            JsonMapper json) {
        this.db = db;
        this.storage = storage;
        this.streamers = streamers;
        this.placements = placements;
        this.json = json;
    }

    Mono<World> read() {
        return streamers
                .all()
                .collectList()
                .flatMap(all -> placements.all().collectList().flatMap(placed -> streams()
                        .flatMap(streams -> projects().map(projects -> new World(all, placed, streams, projects)))));
    }

    private Mono<List<DesiredStream>> streams() {
        return db.sql("SELECT project_id, name, region, inputs FROM streams ORDER BY project_id, name")
                .map(row -> new DesiredStream(
                        row.get("project_id", Long.class),
                        row.get("name", String.class),
                        row.get("region", String.class),
                        json.readValue(row.get("inputs", String.class), INPUTS).stream()
                                .map(StreamInput::url)
                                .toList()))
                .all()
                .timeout(storage.statementTimeout())
                .collectList();
    }

    private Mono<Set<Long>> projects() {
        return db.sql("SELECT id FROM projects")
                .map(row -> row.get("id", Long.class))
                .all()
                .timeout(storage.statementTimeout())
                .collect(Collectors.toSet());
    }
}
