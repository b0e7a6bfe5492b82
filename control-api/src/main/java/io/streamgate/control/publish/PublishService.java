package io.streamgate.control.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.control.placement.Placement;
import io.streamgate.control.placement.PlacementPlanner;
import io.streamgate.control.placement.PlacementState;
import io.streamgate.control.placement.PlacementStore;
import io.streamgate.control.placement.StreamerLoad;
import io.streamgate.control.stream.StoredStream;
import io.streamgate.control.stream.StreamInput;
import io.streamgate.control.stream.StreamService;
import io.streamgate.control.streamer.Streamer;
import io.streamgate.control.streamer.StreamerDirectory;
import io.streamgate.control.streamer.StreamerDrivers;
import io.streamgate.control.streamer.StreamerHealth;
import io.streamgate.control.template.StoredTemplate;
import io.streamgate.control.template.TemplateStore;
import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import io.streamgate.domain.name.InternalStreamName;
import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.domain.signing.PublishTokens;
import io.streamgate.plugin.api.driver.PublishEndpoint;
import io.streamgate.plugin.api.driver.StreamerDriver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Tells encoders where to publish and decides, when a streamer asks, whether a publish may start. Encoders must be
 * told before they start: RTMP, SRT and most other publish protocols cannot follow a redirect.
 *
 * <p>A publish is allowed when its token is valid for the exact internal stream name and either the stream exists,
 * takes publishers and is placed on the asking streamer, or a template of the project covers the name, in which case
 * the stream is created there and then, placed first on the streamer the encoder reached.
 */
@Service
class PublishService {

    private static final Logger log = LoggerFactory.getLogger(PublishService.class);
    static final String PUBLISH_INPUT = "publish://";

    private final StreamService streams;
    private final TemplateStore templates;
    private final PlacementStore placements;
    private final PlacementPlanner planner;
    private final StreamerDirectory streamers;
    private final StreamerHealth health;
    private final StreamerDrivers drivers;
    private final PublishTokens tokens;
    private final Clock clock;
    private final Counter refused;
    private final Counter created;

    PublishService(
            StreamService streams,
            TemplateStore templates,
            PlacementStore placements,
            PlacementPlanner planner,
            StreamerDirectory streamers,
            StreamerHealth health,
            StreamerDrivers drivers,
            PublishTokens tokens,
            Clock clock,
            MeterRegistry meters) {
        this.streams = streams;
        this.templates = templates;
        this.placements = placements;
        this.planner = planner;
        this.streamers = streamers;
        this.health = health;
        this.drivers = drivers;
        this.tokens = tokens;
        this.clock = clock;
        this.refused = meters.counter("streamgate.control.publish.refused");
        this.created = meters.counter("streamgate.control.publish.created.from.template");
    }

    /** The publish URLs of a stream, or of a name a template covers (the stream is created on first publish). */
    Mono<PublishUrlResponse> publishUrl(long projectId, String name, Duration ttl) {
        String internal = InternalStreamName.format(projectId, name);
        Instant expiresAt = clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String token = tokens.mint(internal, expiresAt.getEpochSecond());
        return streams.find(projectId, name)
                .flatMap(stream -> takesPublishers(stream)
                        ? placedIngests(stream)
                        : Mono.<List<Streamer>>error(noPublishInput(name)))
                .switchIfEmpty(Mono.defer(() -> templates
                        .covering(projectId, name)
                        .flatMap(this::candidateIngests)
                        .switchIfEmpty(Mono.error(() -> StreamService.notFound(name)))))
                .map(ingests -> response(ingests, internal, token, expiresAt));
    }

    /**
     * Whether {@code streamerName} may accept a publish of {@code internalName} with {@code token}; creates the stream
     * when a template covers it. Never fails: every problem is a refusal, logged with its reason.
     */
    Mono<Boolean> authorize(String streamerName, String internalName, String token) {
        InternalStreamName parsed = InternalStreamName.parseOrNull(internalName);
        if (parsed == null || streamerName == null) {
            return refuse(internalName, "not a stream name of the cloud, or no streamer named");
        }
        PlaybackSigner.Verification verification =
                tokens.verify(internalName, token, clock.instant().getEpochSecond());
        if (verification != PlaybackSigner.Verification.VALID) {
            return refuse(internalName, "token " + verification);
        }
        long projectId = parsed.projectId();
        String name = parsed.name().value();
        return streamers
                .find(streamerName)
                .flatMap(streamer -> streams.find(projectId, name)
                        .flatMap(stream -> {
                            if (!takesPublishers(stream)) {
                                return refuse(internalName, "the stream has no publish:// input");
                            }
                            return placements
                                    .ofStream(projectId, name)
                                    .any(placement -> placement.streamerId() == streamer.id())
                                    .flatMap(placed -> placed
                                            ? Mono.just(true)
                                            : refuse(internalName, "not placed on " + streamerName));
                        })
                        .switchIfEmpty(Mono.defer(() -> templates
                                .covering(projectId, name)
                                .flatMap(template -> createFromTemplate(template, name, streamer))
                                .switchIfEmpty(Mono.defer(() -> refuse(internalName, "no such stream or template"))))))
                .switchIfEmpty(Mono.defer(() -> refuse(internalName, "unknown streamer " + streamerName)))
                // The decision: a streamer's publish check must get an answer; a database failure refuses the
                // encoder, which retries, rather than letting an unchecked publisher in.
                .onErrorResume(error -> {
                    log.warn("Publish check of {} on {} failed: {}", internalName, streamerName, error.toString());
                    return refuse(internalName, "check failed");
                });
    }

    private Mono<Boolean> createFromTemplate(StoredTemplate template, String name, Streamer streamer) {
        return streams.put(
                        template.projectId(),
                        name,
                        List.of(new StreamInput(PUBLISH_INPUT)),
                        template.playbackMode(),
                        template.authChain(),
                        template.region(),
                        streamer.id())
                .doOnNext(saved -> {
                    created.increment();
                    log.info(
                            "Stream {} of project {} created on first publish to {} (template {})",
                            name,
                            template.projectId(),
                            streamer.name(),
                            template.name());
                })
                .thenReturn(true);
    }

    /** The stream's streamers in the order an encoder should try them: active placements first, up ones first. */
    private Mono<List<Streamer>> placedIngests(StoredStream stream) {
        return streamers.all().collectMap(Streamer::id).flatMap(byId -> placements
                .ofStream(stream.projectId(), stream.name())
                .collectList()
                .map(placed -> {
                    List<Placement> ordered = new ArrayList<>(placed);
                    ordered.sort(Comparator.comparing((Placement p) -> p.state() != PlacementState.ACTIVE)
                            .thenComparing(p -> !health.of(p.streamerId()).up())
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

    /** Where a stream a template covers would be placed, were it created now. */
    private Mono<List<Streamer>> candidateIngests(StoredTemplate template) {
        return streamers.all().collectMap(Streamer::id).flatMap(byId -> placements
                .activeByStreamer()
                .map(counts -> {
                    List<StreamerLoad> loads = byId.values().stream()
                            .map(s -> StreamerLoad.of(s, health.of(s.id()), counts.getOrDefault(s.id(), 0L)))
                            .toList();
                    return planner.choose(template.region(), loads, Set.of(), Set.of()).stream()
                            .map(byId::get)
                            .toList();
                }));
    }

    private PublishUrlResponse response(List<Streamer> ingests, String internal, String token, Instant expiresAt) {
        List<Map.Entry<Streamer, List<PublishUrlResponse.Endpoint>>> usable = new ArrayList<>();
        for (Streamer streamer : ingests) {
            List<PublishUrlResponse.Endpoint> endpoints = endpoints(streamer, internal, token);
            if (!endpoints.isEmpty()) {
                usable.add(Map.entry(streamer, endpoints));
            }
        }
        if (usable.isEmpty()) {
            throw new ProblemException(
                    ProblemType.UNAVAILABLE,
                    "no streamer can take a publisher of this stream now (expected: an up streamer of the stream's"
                            + " region whose driver accepts publishers); try again shortly");
        }
        List<PublishUrlResponse.Backup> backups = usable.subList(1, usable.size()).stream()
                .map(entry -> new PublishUrlResponse.Backup(entry.getKey().name(), entry.getValue()))
                .toList();
        return new PublishUrlResponse(
                usable.get(0).getKey().name(), usable.get(0).getValue(), backups, expiresAt);
    }

    private List<PublishUrlResponse.Endpoint> endpoints(Streamer streamer, String internal, String token) {
        Optional<StreamerDriver> driver = drivers.driverOf(streamer);
        if (driver.isEmpty()) {
            return List.of();
        }
        List<PublishUrlResponse.Endpoint> endpoints = new ArrayList<>();
        for (PublishEndpoint endpoint : driver.get().publishEndpoints(internal, token)) {
            endpoints.add(new PublishUrlResponse.Endpoint(endpoint.protocol(), endpoint.url()));
        }
        return endpoints;
    }

    private Mono<Boolean> refuse(String internalName, String why) {
        refused.increment();
        log.info("Publish of {} refused: {}", internalName, why);
        return Mono.just(false);
    }

    static boolean takesPublishers(StoredStream stream) {
        return stream.inputs().stream().anyMatch(input -> input.url().startsWith(PUBLISH_INPUT));
    }

    private static ProblemException noPublishInput(String name) {
        return new ProblemException(
                ProblemType.CONFLICT,
                "stream '" + name + "' does not take publishers (expected: an input {\"url\": \"publish://\"})");
    }
}
