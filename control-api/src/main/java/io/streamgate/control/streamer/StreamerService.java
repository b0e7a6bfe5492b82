package io.streamgate.control.streamer;

import io.streamgate.control.events.ConfigChanges;
import io.streamgate.control.web.FieldProblem;
import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import io.streamgate.domain.id.SnowflakeIdGenerator;
import io.streamgate.plugin.api.InvalidSettingsException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registers, changes and removes streamers. The driver plugin judges the driver type and settings before anything is
 * written; every change commits with the config version (streamers are in the gateways' snapshot).
 */
@Service
class StreamerService {

    /** A plugin's validation may be slow on its first call (class loading); longer than this is answered unavailable. */
    static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(10);

    /** The reason recorded on the placement events of a removed streamer. */
    static final String DELETED = "streamer_deleted";

    private final StreamerDirectory directory;
    private final StreamerPlacements placements;
    private final StreamerDrivers drivers;
    private final StreamerHealth health;
    private final StreamerStatusPoller poller;
    private final ConfigChanges changes;
    private final SnowflakeIdGenerator ids;
    private final JsonMapper json;
    private final Clock clock;

    StreamerService(
            StreamerDirectory directory,
            StreamerPlacements placements,
            StreamerDrivers drivers,
            StreamerHealth health,
            StreamerStatusPoller poller,
            ConfigChanges changes,
            SnowflakeIdGenerator ids,
            JsonMapper json,
            Clock clock) {
        this.directory = directory;
        this.placements = placements;
        this.drivers = drivers;
        this.health = health;
        this.poller = poller;
        this.changes = changes;
        this.ids = ids;
        this.json = json;
        this.clock = clock;
    }

    Mono<StreamerResponse> register(StreamerRequest request) {
        return Mono.defer(() -> {
            Streamer streamer = StreamerRules.check(ids.next(), request);
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            return validated(streamer)
                    .then(changes.commit(v -> directory
                            .find(streamer.name())
                            .flatMap(taken -> Mono.<Streamer>error(nameTaken(streamer.name())))
                            .switchIfEmpty(Mono.defer(
                                    () -> directory.insert(streamer, now).thenReturn(streamer)))))
                    // A concurrent registration may win the race between our check and our insert.
                    .onErrorMap(DuplicateKeyException.class, e -> nameTaken(streamer.name()))
                    // One look right away, so the answer says whether it answers and streams created the next
                    // moment are placed on it instead of waiting for the poller's next tick and a reconcile round.
                    .flatMap(saved -> poller.state(saved).thenReturn(saved))
                    .map(saved -> StreamerResponse.of(saved, health.of(saved.id()), 0));
        });
    }

    /**
     * Applies the fields present in {@code patch} (JSON null included, which means the default or no limit) to the
     * stored streamer, and validates the result as a registration.
     */
    Mono<StreamerResponse> update(String name, JsonNode patch) {
        return Mono.defer(() -> {
            if (!(patch instanceof ObjectNode changes)) {
                String message = "body: not an object (expected: a JSON object with the fields to change)";
                return Mono.error(new ProblemException(
                        ProblemType.MALFORMED_BODY, message, List.of(new FieldProblem("body", message))));
            }
            JsonNode newName = changes.get("name");
            if (newName != null && !(newName.isString() && newName.asString().equals(name))) {
                return Mono.error(ProblemException.field(
                        ProblemType.INVALID_FIELD,
                        "name",
                        "name: " + newName + " (expected: '" + name + "' or absent; a streamer is never renamed)"));
            }
            return directory
                    .find(name)
                    .switchIfEmpty(Mono.error(() -> notFound(name)))
                    .flatMap(stored -> {
                        ObjectNode merged = json.valueToTree(StreamerRules.request(
                                stored, capacityNode(stored.maxStreams()), capacityNode(stored.maxEgressMbps())));
                        merged.setAll(changes);
                        Streamer streamer =
                                StreamerRules.check(stored.id(), json.treeToValue(merged, StreamerRequest.class));
                        return validated(streamer)
                                .then(this.changes.commit(v -> directory
                                        .update(streamer)
                                        .flatMap(rows -> rows == 0
                                                ? Mono.<Streamer>error(notFound(name))
                                                : Mono.just(streamer))))
                                .flatMap(this::response);
                    });
        });
    }

    /** Removes the streamer and its placements in one change; the reconcile loop places the streams elsewhere. */
    Mono<Void> delete(String name) {
        return changes.commit(v -> directory
                        .find(name)
                        .switchIfEmpty(Mono.error(() -> notFound(name)))
                        .flatMap(streamer -> placements
                                .removeAllOn(streamer, DELETED)
                                .then(directory.delete(streamer.id()))
                                .thenReturn(streamer)))
                .doOnNext(streamer -> {
                    drivers.forget(streamer.id());
                    health.forget(streamer.id());
                })
                .then();
    }

    Mono<StreamerResponse> get(String name) {
        return directory
                .find(name)
                .switchIfEmpty(Mono.error(() -> notFound(name)))
                .flatMap(this::response);
    }

    Mono<List<StreamerResponse>> list() {
        return placements.countByStreamer().flatMap(counts -> directory
                .all()
                .map(streamer ->
                        StreamerResponse.of(streamer, health.of(streamer.id()), counts.getOrDefault(streamer.id(), 0L)))
                .collectList());
    }

    private Mono<StreamerResponse> response(Streamer streamer) {
        return placements
                .countByStreamer()
                .map(counts -> StreamerResponse.of(
                        streamer, health.of(streamer.id()), counts.getOrDefault(streamer.id(), 0L)));
    }

    /**
     * The driver plugin makes a driver of the streamer, off the event loops (its first call may load classes). Its
     * refusals become 400 problems naming the field: {@code driver}, or {@code driver_settings.<key>}.
     */
    private Mono<Void> validated(Streamer streamer) {
        return Mono.fromRunnable(() -> drivers.validate(streamer))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(VALIDATION_TIMEOUT)
                .onErrorMap(StreamerService::problem)
                .then();
    }

    private static Throwable problem(Throwable error) {
        if (error instanceof UnknownDriverException unknown) {
            return ProblemException.field(ProblemType.INVALID_FIELD, "driver", unknown.getMessage());
        }
        if (error instanceof InvalidSettingsException invalid) {
            String field = "driver_settings." + invalid.key();
            String message =
                    invalid.getMessage() != null && invalid.getMessage().startsWith(invalid.key())
                            ? "driver_settings." + invalid.getMessage()
                            : field + ": " + invalid.getMessage();
            return ProblemException.field(ProblemType.INVALID_FIELD, field, message);
        }
        if (error instanceof IllegalArgumentException invalid) {
            // A plugin that validates with a plain IllegalArgumentException still means "these settings are wrong".
            return ProblemException.field(
                    ProblemType.INVALID_FIELD, "driver_settings", "driver_settings: " + invalid.getMessage());
        }
        return error;
    }

    private static JsonNode capacityNode(Integer value) {
        return value == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.numberNode(value);
    }

    static ProblemException notFound(String name) {
        return new ProblemException(ProblemType.NOT_FOUND, "streamer '" + name + "' not found");
    }

    private static ProblemException nameTaken(String name) {
        String message = "name: '" + name + "' is already registered";
        return new ProblemException(ProblemType.CONFLICT, message, List.of(new FieldProblem("name", message)));
    }
}
