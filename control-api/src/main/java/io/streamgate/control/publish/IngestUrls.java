package io.streamgate.control.publish;

import io.streamgate.control.placement.Placement;
import io.streamgate.control.placement.PlacementState;
import io.streamgate.control.placement.PlacementStore;
import io.streamgate.control.stream.Ingest;
import io.streamgate.control.stream.StoredStream;
import io.streamgate.control.stream.StreamResponse;
import io.streamgate.control.streamer.Streamer;
import io.streamgate.control.streamer.StreamerDirectory;
import io.streamgate.control.streamer.StreamerDrivers;
import io.streamgate.control.streamer.StreamerHealth;
import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import io.streamgate.domain.name.InternalStreamName;
import io.streamgate.domain.signing.PublishTokens;
import io.streamgate.plugin.api.driver.PublishEndpoint;
import io.streamgate.plugin.api.driver.StreamerDriver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publish URLs: a token for the stream and, for each streamer an encoder may publish to, the URLs its driver gives.
 * The order is the order an encoder should try: active placements before leaving ones, streamers that answer first.
 */
@Component
class IngestUrls implements Ingest {

    private final PlacementStore placements;
    private final StreamerDirectory streamers;
    private final StreamerHealth health;
    private final StreamerDrivers drivers;
    private final PublishTokens tokens;
    private final PublishSettings settings;
    private final Clock clock;

    IngestUrls(
            PlacementStore placements,
            StreamerDirectory streamers,
            StreamerHealth health,
            StreamerDrivers drivers,
            PublishTokens tokens,
            PublishSettings settings,
            Clock clock) {
        this.placements = placements;
        this.streamers = streamers;
        this.health = health;
        this.drivers = drivers;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    /** The operator view's publish URLs: only for streams that take publishers, with the default token lifetime. */
    @Override
    public Mono<StreamResponse.Publish> of(StoredStream stream) {
        if (!stream.takesPublishers()) {
            return Mono.empty();
        }
        return placed(stream)
                .map(ingests -> urls(ingests, stream.projectId(), stream.name(), settings.defaultTtl()))
                .flatMap(Mono::justOrEmpty);
    }

    /** The streamers a stream is placed on, in the order an encoder should try them; only those that answer. */
    Mono<List<Streamer>> placed(StoredStream stream) {
        return streamers.all().collectMap(Streamer::id).flatMap(byId -> placements
                .ofStream(stream.projectId(), stream.name())
                .collectList()
                .map(placed -> {
                    List<Placement> ordered = new ArrayList<>(placed);
                    ordered.sort(Comparator.comparing((Placement p) -> p.state() != PlacementState.ACTIVE)
                            .thenComparingLong(Placement::streamerId));
                    List<Streamer> ingests = new ArrayList<>();
                    for (Placement placement : ordered) {
                        Streamer streamer = byId.get(placement.streamerId());
                        if (streamer != null && health.of(streamer.id()).up()) {
                            ingests.add(streamer);
                        }
                    }
                    return ingests;
                }));
    }

    /** Publish URLs on the given streamers, or a 503 problem when none of them takes publishers. */
    StreamResponse.Publish required(List<Streamer> ingests, long projectId, String name, Duration ttl) {
        return urls(ingests, projectId, name, ttl)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.UNAVAILABLE,
                        "no streamer can take a publisher of this stream now (expected: an up streamer of the"
                                + " stream's region whose driver accepts publishers); try again shortly"));
    }

    private Optional<StreamResponse.Publish> urls(List<Streamer> ingests, long projectId, String name, Duration ttl) {
        String internal = InternalStreamName.format(projectId, name);
        Instant expiresAt = clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        String token = tokens.mint(internal, expiresAt.getEpochSecond());
        List<StreamResponse.Backup> usable = new ArrayList<>();
        for (Streamer streamer : ingests) {
            List<StreamResponse.Endpoint> endpoints = endpoints(streamer, internal, token);
            if (!endpoints.isEmpty()) {
                usable.add(new StreamResponse.Backup(streamer.name(), endpoints));
            }
        }
        if (usable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StreamResponse.Publish(
                usable.get(0).streamer(), usable.get(0).urls(), usable.subList(1, usable.size()), expiresAt));
    }

    private List<StreamResponse.Endpoint> endpoints(Streamer streamer, String internal, String token) {
        Optional<StreamerDriver> driver = drivers.driverOf(streamer);
        if (driver.isEmpty()) {
            return List.of();
        }
        List<StreamResponse.Endpoint> endpoints = new ArrayList<>();
        for (PublishEndpoint endpoint : driver.get().publishEndpoints(internal, token)) {
            endpoints.add(new StreamResponse.Endpoint(endpoint.protocol(), endpoint.url()));
        }
        return endpoints;
    }
}
