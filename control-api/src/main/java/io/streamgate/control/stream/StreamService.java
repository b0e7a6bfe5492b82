package io.streamgate.control.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.control.auth.AuthChains;
import io.streamgate.control.events.ConfigChanges;
import io.streamgate.control.placement.PlacementPlanner;
import io.streamgate.control.placement.PlacementStore;
import io.streamgate.control.streamer.LiveStreams;
import io.streamgate.control.streamer.PushedStream;
import io.streamgate.control.streamer.Streamer;
import io.streamgate.control.streamer.StreamerClient;
import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import io.streamgate.domain.name.InternalStreamName;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores a stream change, its placements and the config version in one transaction; only after the commit does it
 * announce the version and push the change to the streamers, so nothing outside ever sees an uncommitted state.
 */
@Service
class StreamService {

    private static final Logger log = LoggerFactory.getLogger(StreamService.class);

    private final StreamStore streams;
    private final PlacementStore placements;
    private final AuthChains chains;
    private final PlacementPlanner planner;
    private final StreamerClient streamers;
    private final LiveStreams live;
    private final ConfigChanges changes;
    private final Clock clock;
    private final Counter pushFailures;

    StreamService(
            StreamStore streams,
            PlacementStore placements,
            AuthChains chains,
            PlacementPlanner planner,
            StreamerClient streamers,
            LiveStreams live,
            ConfigChanges changes,
            Clock clock,
            MeterRegistry meters) {
        this.streams = streams;
        this.placements = placements;
        this.chains = chains;
        this.planner = planner;
        this.streamers = streamers;
        this.live = live;
        this.changes = changes;
        this.clock = clock;
        this.pushFailures = meters.counter("streamgate.control.push.failures");
    }

    /** Creates or replaces; the boolean of the result says whether it was created. */
    Mono<Saved> put(
            long projectId, String name, List<StreamInput> inputs, String playbackMode, List<String> authChain) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return changes.commit(v -> chains.requireExisting(projectId, authChain, "auth_chain")
                        .then(streams.find(projectId, name))
                        .map(existing -> new Saved(
                                new StoredStream(
                                        projectId, name, inputs, playbackMode, authChain, existing.createdAt(), now),
                                false,
                                List.of()))
                        .defaultIfEmpty(new Saved(
                                new StoredStream(projectId, name, inputs, playbackMode, authChain, now, now),
                                true,
                                List.of()))
                        .flatMap(saved -> (saved.created()
                                        ? streams.insert(saved.stream())
                                        : streams.update(saved.stream()))
                                .then(place(projectId, name))
                                .map(placed -> new Saved(saved.stream(), saved.created(), placed))))
                .flatMap(saved -> pushAll(saved).thenReturn(saved));
    }

    /** Keeps current placements, tops up to the planner's count, and answers the streamers the stream is on. */
    private Mono<List<Streamer>> place(long projectId, String name) {
        return placements.streamersOf(projectId, name).collectList().flatMap(current -> placements
                .loads()
                .collectList()
                .flatMap(loads -> {
                    var currentIds = new HashSet<Long>();
                    current.forEach(s -> currentIds.add(s.id()));
                    List<Long> chosen = planner.choose(loads, currentIds);
                    List<Long> added = chosen.stream()
                            .filter(id -> !currentIds.contains(id))
                            .toList();
                    return placements.add(projectId, name, added);
                })
                .then(placements.streamersOf(projectId, name).collectList()));
    }

    Mono<Void> delete(long projectId, String name) {
        return changes.commit(v -> placements
                        .streamersOf(projectId, name)
                        .collectList()
                        .flatMap(placed -> streams.delete(projectId, name)
                                .flatMap(rows ->
                                        rows == 0 ? Mono.<List<Streamer>>error(notFound(name)) : Mono.just(placed))))
                .flatMap(placed -> Flux.fromIterable(placed)
                        .flatMap(streamer -> quietly(
                                streamers.delete(streamer, internal(projectId, name)), "delete", streamer, name))
                        .then());
    }

    Mono<StreamResponse> get(long projectId, String name) {
        return streams.find(projectId, name)
                .switchIfEmpty(Mono.error(() -> notFound(name)))
                .flatMap(stream ->
                        placements.streamersOf(projectId, name).collectList().map(placed -> response(stream, placed)));
    }

    Mono<StreamList> list(long projectId) {
        return placements
                .ofProject(projectId)
                .collectMultimap(PlacementStore.Placed::streamName, PlacementStore.Placed::streamer)
                .flatMap(byName -> streams.all(projectId)
                        .map(stream -> response(stream, List.copyOf(byName.getOrDefault(stream.name(), List.of()))))
                        .collectList())
                .map(StreamList::new);
    }

    StreamResponse response(StoredStream stream, List<Streamer> placed) {
        String internal = internal(stream.projectId(), stream.name());
        List<StreamResponse.StreamerStatus> statuses = placed.stream()
                .map(streamer -> {
                    LiveStreams.StreamState state = live.on(streamer.id(), internal);
                    return new StreamResponse.StreamerStatus(streamer.name(), state.alive(), state.onlineClients());
                })
                .toList();
        boolean alive = statuses.stream().anyMatch(StreamResponse.StreamerStatus::alive);
        return new StreamResponse(
                stream.name(),
                stream.inputs(),
                stream.playbackMode(),
                new StreamResponse.Status(alive, statuses),
                stream.authChain(),
                stream.createdAt(),
                stream.updatedAt());
    }

    private Mono<Void> pushAll(Saved saved) {
        StoredStream stream = saved.stream();
        String internal = internal(stream.projectId(), stream.name());
        PushedStream body = new PushedStream(
                internal,
                stream.inputs().stream()
                        .map(i -> new PushedStream.Input(i.url()))
                        .collect(Collectors.toList()));
        return Flux.fromIterable(saved.placed())
                .flatMap(streamer -> quietly(streamers.put(streamer, body), "push", streamer, stream.name()))
                .then();
    }

    /**
     * The decision: the change is committed, so a streamer that cannot take it now must not fail the operator's call.
     * The stored placement is the truth; the reconcile loop of a later issue repairs streamers that missed a push.
     */
    private Mono<Void> quietly(Mono<Void> call, String what, Streamer streamer, String name) {
        return call.onErrorResume(error -> {
            pushFailures.increment();
            log.warn("Could not {} stream {} on streamer {}: {}", what, name, streamer.name(), error.toString());
            return Mono.empty();
        });
    }

    static String internal(long projectId, String name) {
        return InternalStreamName.of(projectId, name).value();
    }

    /** The same answer for a missing and a foreign stream, so one project cannot learn what another has. */
    static ProblemException notFound(String name) {
        return new ProblemException(ProblemType.NOT_FOUND, "stream '" + name + "' not found");
    }

    record Saved(StoredStream stream, boolean created, List<Streamer> placed) {}
}
