package io.streamgate.control.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.control.placement.PlacementPlanner;
import io.streamgate.control.placement.PlacementStore;
import io.streamgate.control.placement.StreamerLoad;
import io.streamgate.control.stream.StreamInput;
import io.streamgate.control.stream.StreamResponse;
import io.streamgate.control.stream.StreamService;
import io.streamgate.control.streamer.Streamer;
import io.streamgate.control.streamer.StreamerDirectory;
import io.streamgate.control.streamer.StreamerHealth;
import io.streamgate.control.template.StoredTemplate;
import io.streamgate.control.template.TemplateStore;
import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import io.streamgate.domain.name.InternalStreamName;
import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.domain.signing.PublishTokens;
import io.streamgate.domain.snapshot.ConfigSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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

    private final StreamService streams;
    private final TemplateStore templates;
    private final PlacementStore placements;
    private final PlacementPlanner planner;
    private final StreamerDirectory streamers;
    private final StreamerHealth health;
    private final IngestUrls ingests;
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
            IngestUrls ingests,
            PublishTokens tokens,
            Clock clock,
            MeterRegistry meters) {
        this.streams = streams;
        this.templates = templates;
        this.placements = placements;
        this.planner = planner;
        this.streamers = streamers;
        this.health = health;
        this.ingests = ingests;
        this.tokens = tokens;
        this.clock = clock;
        this.refused = meters.counter("streamgate.control.publish.refused");
        this.created = meters.counter("streamgate.control.publish.created.from.template");
    }

    /** The publish URLs of a stream, or of a name a template covers (the stream is created on first publish). */
    Mono<StreamResponse.Publish> publishUrl(long projectId, String name, Duration ttl) {
        return streams.find(projectId, name)
                .flatMap(stream -> stream.takesPublishers()
                        ? ingests.placed(stream)
                        : Mono.<List<Streamer>>error(noPublishInput(name)))
                .switchIfEmpty(Mono.defer(() -> templates
                        .covering(projectId, name)
                        .flatMap(this::candidateIngests)
                        .switchIfEmpty(Mono.error(() -> StreamService.notFound(name)))))
                .map(streamers -> ingests.required(streamers, projectId, name, ttl));
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
                            if (!stream.takesPublishers()) {
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
                                .flatMap(template -> takesNew(streamer, template)
                                        ? createFromTemplate(template, name, streamer)
                                        : refuse(
                                                internalName,
                                                streamerName + " cannot take a new stream of template "
                                                        + template.name() + " (not active, or outside its region)"))
                                .switchIfEmpty(Mono.defer(() -> refuse(internalName, "no such stream or template"))))))
                .switchIfEmpty(Mono.defer(() -> refuse(internalName, "unknown streamer " + streamerName)))
                // The decision: a streamer's publish check must get an answer; a database failure refuses the
                // encoder, which retries, rather than letting an unchecked publisher in.
                .onErrorResume(error -> {
                    log.warn("Publish check of {} on {} failed: {}", internalName, streamerName, error.toString());
                    return refuse(internalName, "check failed");
                });
    }

    /** A new stream is placed first where its encoder publishes, so that streamer must be allowed to carry it. */
    private static boolean takesNew(Streamer streamer, StoredTemplate template) {
        return streamer.state() == ConfigSnapshot.StreamerState.ACTIVE && streamer.serves(template.region());
    }

    private Mono<Boolean> createFromTemplate(StoredTemplate template, String name, Streamer streamer) {
        return streams.put(
                        template.projectId(),
                        name,
                        List.of(new StreamInput(StreamInput.PUBLISH)),
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

    private Mono<Boolean> refuse(String internalName, String why) {
        refused.increment();
        log.info("Publish of {} refused: {}", internalName, why);
        return Mono.just(false);
    }

    private static ProblemException noPublishInput(String name) {
        return new ProblemException(
                ProblemType.CONFLICT,
                "stream '" + name + "' does not take publishers (expected: an input {\"url\": \"publish://\"})");
    }
}
