package io.streamgate.control.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.control.auth.AuthChains;
import io.streamgate.control.events.ConfigChanges;
import io.streamgate.control.placement.Placement;
import io.streamgate.control.placement.PlacementEventList;
import io.streamgate.control.placement.PlacementEventLog;
import io.streamgate.control.placement.PlacementEventResponse;
import io.streamgate.control.placement.PlacementPlanner;
import io.streamgate.control.placement.PlacementReasons;
import io.streamgate.control.placement.PlacementState;
import io.streamgate.control.placement.PlacementStore;
import io.streamgate.control.placement.StreamerLoad;
import io.streamgate.control.streamer.Liveness;
import io.streamgate.control.streamer.Streamer;
import io.streamgate.control.streamer.StreamerDirectory;
import io.streamgate.control.streamer.StreamerDrivers;
import io.streamgate.control.streamer.StreamerHealth;
import io.streamgate.control.web.FieldProblem;
import io.streamgate.control.web.PathNames;
import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import io.streamgate.domain.name.InternalStreamName;
import io.streamgate.domain.name.StreamName;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import io.streamgate.plugin.api.driver.StreamConfig;
import io.streamgate.plugin.api.driver.UnsupportedStreamException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores a stream change, its placements (with their events) and the config version in one transaction; only after
 * the commit does it announce the version and push the change to the streamers, so nothing outside ever sees an
 * uncommitted state. Placements the streamers miss are repaired by the reconcile loop.
 */
@Service
public class StreamService {

    private static final Logger log = LoggerFactory.getLogger(StreamService.class);

    private final StreamStore streams;
    private final PlacementStore placements;
    private final PlacementEventLog events;
    private final AuthChains chains;
    private final PlacementPlanner planner;
    private final StreamerDirectory streamers;
    private final StreamerDrivers drivers;
    private final StreamerHealth health;
    private final Ingest ingest;
    private final ConfigChanges changes;
    private final Clock clock;
    private final Counter pushFailures;
    private final Counter unsupported;

    StreamService(
            StreamStore streams,
            PlacementStore placements,
            PlacementEventLog events,
            AuthChains chains,
            PlacementPlanner planner,
            StreamerDirectory streamers,
            StreamerDrivers drivers,
            StreamerHealth health,
            Ingest ingest,
            ConfigChanges changes,
            Clock clock,
            MeterRegistry meters) {
        this.streams = streams;
        this.placements = placements;
        this.events = events;
        this.chains = chains;
        this.planner = planner;
        this.streamers = streamers;
        this.drivers = drivers;
        this.health = health;
        this.ingest = ingest;
        this.changes = changes;
        this.clock = clock;
        this.pushFailures = meters.counter("streamgate.control.push.failures");
        this.unsupported = meters.counter("streamgate.control.push.unsupported");
    }

    /** A committed stream, and whether the call created it. */
    public record Saved(StoredStream stream, boolean created) {}

    /**
     * Creates or replaces a stream of the project and places it; the stream's streamers get it after the commit.
     *
     * @param name the operator's stream name
     * @param playbackMode {@code rewrite} or {@code redirect}; {@code null} for rewrite
     * @param authChain backend names of the project; {@code null} for the project's default chain
     * @param region where to place it; {@code null} for any region
     * @return the saved stream; fails with a {@link ProblemException} naming each invalid field (nothing is written)
     */
    public Mono<Saved> put(
            long projectId,
            String name,
            List<StreamInput> inputs,
            String playbackMode,
            List<String> authChain,
            String region) {
        return put(projectId, name, inputs, playbackMode, authChain, region, null);
    }

    /**
     * {@link #put(long, String, List, String, List, String)}, placing the stream first on {@code firstStreamerId} (the
     * streamer an encoder already reached) when that streamer is active, not known to be down and serves the region;
     * the planner adds the rest.
     */
    public Mono<Saved> put(
            long projectId,
            String name,
            List<StreamInput> inputs,
            String playbackMode,
            List<String> authChain,
            String region,
            long firstStreamerId) {
        return put(projectId, name, inputs, playbackMode, authChain, region, Long.valueOf(firstStreamerId));
    }

    private Mono<Saved> put(
            long projectId,
            String name,
            List<StreamInput> inputs,
            String playbackMode,
            List<String> authChain,
            String region,
            Long firstStreamerId) {
        return Mono.defer(() -> {
            if (!StreamName.isValid(name)) {
                return Mono.error(PathNames.invalid(name));
            }
            List<FieldProblem> errors = StreamRules.check(new StreamRequest(inputs, playbackMode, authChain, region));
            if (!errors.isEmpty()) {
                return Mono.error(ProblemException.fields(errors));
            }
            String mode = playbackMode == null ? StreamRules.DEFAULT_PLAYBACK_MODE : playbackMode;
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            return changes.commit(v -> chains.requireExisting(projectId, authChain, "auth_chain")
                            .then(streams.find(projectId, name))
                            .map(existing -> new Saved(
                                    new StoredStream(
                                            projectId,
                                            name,
                                            inputs,
                                            mode,
                                            authChain,
                                            region,
                                            existing.createdAt(),
                                            now),
                                    false))
                            .defaultIfEmpty(new Saved(
                                    new StoredStream(projectId, name, inputs, mode, authChain, region, now, now), true))
                            .flatMap(saved -> (saved.created()
                                            ? streams.insert(saved.stream())
                                            : streams.update(saved.stream()))
                                    .then(place(saved.stream(), firstStreamerId, now))
                                    .map(placed -> new Committed(saved, placed))))
                    .flatMap(committed -> pushAll(committed.saved().stream(), committed.placed())
                            .thenReturn(committed.saved()));
        });
    }

    /**
     * Keeps the healthy placements, tops up to the planner's count, and answers every streamer the stream is on
     * (leaving ones included: they still serve viewers, so they get the change too).
     */
    private Mono<List<Streamer>> place(StoredStream stream, Long firstStreamerId, Instant now) {
        return streamers.all().collectMap(Streamer::id).flatMap(byId -> placements
                .ofStream(stream.projectId(), stream.name())
                .collectList()
                .flatMap(current -> placements.activeByStreamer().flatMap(counts -> {
                    Set<Long> active = new HashSet<>();
                    Set<Long> occupied = new HashSet<>();
                    for (Placement placement : current) {
                        occupied.add(placement.streamerId());
                        if (placement.state() == PlacementState.ACTIVE) {
                            active.add(placement.streamerId());
                        }
                    }
                    List<Long> added = new ArrayList<>();
                    Streamer first = firstStreamerId == null ? null : byId.get(firstStreamerId);
                    if (first != null
                            && !occupied.contains(first.id())
                            && first.state() == StreamerState.ACTIVE
                            && health.liveness(first.id()) != Liveness.DOWN
                            && first.serves(stream.region())) {
                        added.add(first.id());
                        active.add(first.id());
                        occupied.add(first.id());
                        counts.merge(first.id(), 1L, Long::sum);
                    }
                    List<StreamerLoad> loads = byId.values().stream()
                            .map(s -> StreamerLoad.of(s, health.of(s.id()), counts.getOrDefault(s.id(), 0L)))
                            .toList();
                    added.addAll(planner.additions(stream.region(), loads, active, occupied));
                    Set<Long> all = new HashSet<>(occupied);
                    all.addAll(added);
                    return Flux.fromIterable(added)
                            .concatMap(id -> placements.place(
                                    stream.projectId(),
                                    stream.name(),
                                    byId.get(id),
                                    PlacementReasons.STREAM_SAVED,
                                    now))
                            .then(Mono.fromSupplier(
                                    () -> all.stream().sorted().map(byId::get).toList()));
                })));
    }

    public Mono<Void> delete(long projectId, String name) {
        return changes.commit(v -> streamers.all().collectMap(Streamer::id).flatMap(byId -> placements
                        .ofStream(projectId, name)
                        .map(placement -> byId.get(placement.streamerId()))
                        .collectList()
                        .flatMap(placed -> placements
                                .recordStreamRemoval(projectId, name, PlacementReasons.STREAM_DELETED, clock.instant())
                                .then(streams.delete(projectId, name))
                                .flatMap(rows ->
                                        rows == 0 ? Mono.<List<Streamer>>error(notFound(name)) : Mono.just(placed)))))
                .flatMap(placed -> Flux.fromIterable(placed)
                        .flatMap(streamer ->
                                quietly(drivers.remove(streamer, internal(projectId, name)), "remove", streamer, name))
                        .then());
    }

    /** The project's stream; empty when it has none of that name. */
    public Mono<StoredStream> find(long projectId, String name) {
        return streams.find(projectId, name);
    }

    public Mono<StreamResponse> get(long projectId, String name) {
        return streams.find(projectId, name)
                .switchIfEmpty(Mono.error(() -> notFound(name)))
                .flatMap(this::response);
    }

    /** The stream as the operator API shows it, with its placements' live status. */
    public Mono<StreamResponse> response(StoredStream stream) {
        return streamers.all().collectMap(Streamer::id).flatMap(byId -> placements
                .ofStream(stream.projectId(), stream.name())
                .collectList()
                .flatMap(placed -> withPublish(stream, response(stream, placed, byId))));
    }

    Mono<StreamList> list(long projectId) {
        return streamers.all().collectMap(Streamer::id).flatMap(byId -> placements
                .ofProject(projectId)
                .collectMultimap(Placement::streamName, Function.identity())
                .flatMap(byName -> streams.all(projectId)
                        .concatMap(stream -> withPublish(
                                stream,
                                response(stream, List.copyOf(byName.getOrDefault(stream.name(), List.of())), byId)))
                        .collectList())
                .map(StreamList::new));
    }

    /** The stream's latest placement changes; a foreign stream is answered like a missing one. */
    Mono<PlacementEventList> events(long projectId, String name, int limit) {
        return streams.find(projectId, name)
                .switchIfEmpty(Mono.error(() -> notFound(name)))
                .flatMap(stream -> events.ofStream(projectId, name, limit)
                        .map(PlacementEventResponse::forOperator)
                        .collectList()
                        .map(PlacementEventList::new));
    }

    /** Adds the publish URLs of a stream that takes publishers. */
    private Mono<StreamResponse> withPublish(StoredStream stream, StreamResponse response) {
        return ingest.of(stream).map(response::withPublish).defaultIfEmpty(response);
    }

    private StreamResponse response(StoredStream stream, List<Placement> placed, Map<Long, Streamer> byId) {
        String internal = internal(stream.projectId(), stream.name());
        List<StreamResponse.PlacementStatus> statuses = new ArrayList<>();
        for (Placement placement : placed) {
            Streamer streamer = byId.get(placement.streamerId());
            if (streamer == null) {
                // Deleted between the two reads; its placements went with it.
                continue;
            }
            StreamerHealth.StreamView seen = health.stream(streamer.id(), internal);
            statuses.add(new StreamResponse.PlacementStatus(
                    streamer.name(),
                    streamer.region(),
                    placement.state().wire(),
                    health.of(streamer.id()).up(),
                    seen.alive(),
                    seen.onlineClients(),
                    seen.input().name().toLowerCase(Locale.ROOT),
                    seen.bytesIn(),
                    seen.bytesOut()));
        }
        List<String> liveOn = statuses.stream()
                .filter(StreamResponse.PlacementStatus::alive)
                .map(StreamResponse.PlacementStatus::streamer)
                .toList();
        return new StreamResponse(
                stream.name(),
                stream.inputs(),
                stream.playbackMode(),
                stream.region(),
                new StreamResponse.Status(!liveOn.isEmpty(), statuses, liveOn, null),
                stream.authChain(),
                stream.createdAt(),
                stream.updatedAt());
    }

    private Mono<Void> pushAll(StoredStream stream, List<Streamer> placed) {
        StreamConfig config = config(stream);
        return Flux.fromIterable(placed)
                .flatMap(streamer -> quietly(drivers.push(streamer, config), "push", streamer, stream.name()))
                .then();
    }

    /** What a streamer runs for the stream. */
    public static StreamConfig config(StoredStream stream) {
        return new StreamConfig(
                internal(stream.projectId(), stream.name()),
                stream.inputs().stream().map(StreamInput::url).collect(Collectors.toList()));
    }

    /**
     * The decision: the change is committed, so a streamer that cannot take it now must not fail the operator's call.
     * The stored placement is the truth; the reconcile loop pushes what a streamer missed.
     */
    private Mono<Void> quietly(Mono<Void> call, String what, Streamer streamer, String name) {
        return call.onErrorResume(error -> {
            if (error instanceof UnsupportedStreamException) {
                unsupported.increment();
                log.warn("Streamer {} cannot run stream {}: {}", streamer.name(), name, error.getMessage());
            } else {
                pushFailures.increment();
                log.warn("Could not {} stream {} on streamer {}: {}", what, name, streamer.name(), error.toString());
            }
            return Mono.empty();
        });
    }

    static String internal(long projectId, String name) {
        return InternalStreamName.of(projectId, name).value();
    }

    /** The same answer for a missing and a foreign stream, so one project cannot learn what another has. */
    public static ProblemException notFound(String name) {
        return new ProblemException(ProblemType.NOT_FOUND, "stream '" + name + "' not found");
    }

    private record Committed(Saved saved, List<Streamer> placed) {}
}
