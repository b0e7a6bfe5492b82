package io.streamgate.control.reconcile;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.control.placement.Placement;
import io.streamgate.control.streamer.Streamer;
import io.streamgate.control.streamer.StreamerDrivers;
import io.streamgate.domain.name.InternalStreamName;
import io.streamgate.plugin.api.driver.UnsupportedStreamException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes each streamer that answers run exactly what is placed on it: pushes placed streams it lacks and removes
 * streams of our projects that are not placed there. Names that are not internal names of one of our projects belong
 * to someone else (a streamer shared with other tools) and are never touched.
 */
final class StreamerSync {

    private static final Logger log = LoggerFactory.getLogger(StreamerSync.class);

    /** At most this many calls to one streamer at once: a round must not flood a streamer that is catching up. */
    private static final int CALLS_PER_STREAMER = 4;

    private final StreamerDrivers drivers;
    private final MeterRegistry meters;
    /** Streams a streamer kind cannot run, warned about once each (the placement stays; retried every round). */
    private final Set<String> warnedUnsupported = ConcurrentHashMap.newKeySet();

    StreamerSync(StreamerDrivers drivers, MeterRegistry meters) {
        this.drivers = drivers;
        this.meters = meters;
    }

    /** What one round did on the streamers. */
    record Result(int pushed, int removed, int failed) {

        static final Result NONE = new Result(0, 0, 0);

        Result plus(Result other) {
            return new Result(pushed + other.pushed, removed + other.removed, failed + other.failed);
        }
    }

    /**
     * @param running what each streamer that is up ran at its last poll, taken before the desired state was read
     */
    Mono<Result> sync(World world, Map<Long, Set<String>> running) {
        Map<String, DesiredStream> streams = new HashMap<>();
        world.streams().forEach(stream -> streams.put(stream.internalName(), stream));
        Map<Long, Set<String>> placed = new HashMap<>();
        for (Placement placement : world.placements()) {
            placed.computeIfAbsent(placement.streamerId(), id -> new HashSet<>())
                    .add(InternalStreamName.format(placement.projectId(), placement.streamName()));
        }
        return Flux.fromIterable(world.streamers())
                .filter(streamer -> running.containsKey(streamer.id()))
                .flatMap(streamer -> sync(
                        streamer,
                        placed.getOrDefault(streamer.id(), Set.of()),
                        running.get(streamer.id()),
                        streams,
                        world.projects()))
                .reduce(Result.NONE, Result::plus);
    }

    private Mono<Result> sync(
            Streamer streamer,
            Set<String> placed,
            Set<String> running,
            Map<String, DesiredStream> streams,
            Set<Long> projects) {
        List<DesiredStream> missing = placed.stream()
                .filter(name -> !running.contains(name))
                .map(streams::get)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(DesiredStream::internalName))
                .toList();
        List<String> extra = running.stream()
                .filter(name -> !placed.contains(name))
                .filter(name -> {
                    InternalStreamName parsed = InternalStreamName.parseOrNull(name);
                    return parsed != null && projects.contains(parsed.projectId());
                })
                .sorted()
                .toList();
        Flux<Result> pushes = Flux.fromIterable(missing).flatMap(stream -> push(streamer, stream), CALLS_PER_STREAMER);
        Flux<Result> removals = Flux.fromIterable(extra).flatMap(name -> remove(streamer, name), CALLS_PER_STREAMER);
        return Flux.concat(pushes, removals).reduce(Result.NONE, Result::plus);
    }

    private Mono<Result> push(Streamer streamer, DesiredStream stream) {
        String key = streamer.id() + "/" + stream.internalName();
        return drivers.push(streamer, stream.config())
                .then(Mono.fromSupplier(() -> {
                    warnedUnsupported.remove(key);
                    meters.counter("streamgate.control.reconcile.pushes").increment();
                    return new Result(1, 0, 0);
                }))
                // The decision: one stream a streamer cannot take must not stop the others; the next round retries.
                .onErrorResume(error -> {
                    if (error instanceof UnsupportedStreamException) {
                        meters.counter("streamgate.control.reconcile.failures", "operation", "unsupported")
                                .increment();
                        if (warnedUnsupported.add(key)) {
                            log.warn(
                                    "Streamer {} cannot run stream {}, skipped: {}",
                                    streamer.name(),
                                    stream.internalName(),
                                    error.getMessage());
                        }
                    } else {
                        meters.counter("streamgate.control.reconcile.failures", "operation", "push")
                                .increment();
                        log.debug(
                                "Could not push stream {} to streamer {}: {}",
                                stream.internalName(),
                                streamer.name(),
                                error.toString());
                    }
                    return Mono.just(new Result(0, 0, 1));
                });
    }

    private Mono<Result> remove(Streamer streamer, String internalName) {
        return drivers.remove(streamer, internalName)
                .then(Mono.fromSupplier(() -> {
                    meters.counter("streamgate.control.reconcile.removals").increment();
                    log.info("Removed stream {} from streamer {}: not placed there", internalName, streamer.name());
                    return new Result(0, 1, 0);
                }))
                // The decision: as for pushes, the next round retries.
                .onErrorResume(error -> {
                    meters.counter("streamgate.control.reconcile.failures", "operation", "remove")
                            .increment();
                    log.debug(
                            "Could not remove stream {} from streamer {}: {}",
                            internalName,
                            streamer.name(),
                            error.toString());
                    return Mono.just(new Result(0, 0, 1));
                });
    }
}
