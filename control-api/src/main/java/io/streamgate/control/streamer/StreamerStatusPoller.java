package io.streamgate.control.streamer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads every registered streamer's state and usage counters through its driver on a fixed interval and keeps
 * {@link StreamerHealth} current. Polls never overlap: a slow round drops the ticks that fall within it.
 */
@Component
class StreamerStatusPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamerStatusPoller.class);

    private final StreamerDirectory directory;
    private final StreamerDrivers drivers;
    private final StreamerHealth health;
    private final StreamerSettings settings;
    private final Counter failures;
    private final Counter counterFailures;
    private volatile Disposable running;

    StreamerStatusPoller(
            StreamerDirectory directory,
            StreamerDrivers drivers,
            StreamerHealth health,
            StreamerSettings settings,
            MeterRegistry meters) {
        this.directory = directory;
        this.drivers = drivers;
        this.health = health;
        this.settings = settings;
        this.failures = meters.counter("streamgate.control.status.poll.failures");
        this.counterFailures = meters.counter("streamgate.control.status.counters.failures");
    }

    @Override
    public void start() {
        running = Flux.interval(Duration.ZERO, settings.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> pollOnce(), 1)
                .subscribe();
    }

    Mono<Void> pollOnce() {
        return directory
                .all()
                .collectList()
                .flatMap(streamers -> {
                    Set<Long> ids = new HashSet<>();
                    streamers.forEach(s -> ids.add(s.id()));
                    health.retain(ids);
                    drivers.retain(ids);
                    return poll(streamers);
                })
                // The decision: a database hiccup skips one round; the next tick tries again.
                .onErrorResume(error -> {
                    failures.increment();
                    log.warn("Status poll could not list streamers: {}", error.toString());
                    return Mono.empty();
                });
    }

    private Mono<Void> poll(List<Streamer> streamers) {
        return Flux.fromIterable(streamers)
                .flatMap(streamer -> Mono.when(state(streamer), counters(streamer)))
                .then();
    }

    /** One look at one streamer's state; never fails (a failed look is a missed sighting). */
    Mono<Void> state(Streamer streamer) {
        return drivers.state(streamer)
                .doOnNext(state -> health.seen(streamer.id(), state))
                // The decision: an unanswered poll is a missed sighting; the streamer is down once dead-after passes.
                .onErrorResume(error -> {
                    failures.increment();
                    health.missed(streamer.id());
                    log.debug("Status poll of streamer {} failed: {}", streamer.name(), error.toString());
                    return Mono.empty();
                })
                .then();
    }

    private Mono<Void> counters(Streamer streamer) {
        return drivers.counters(streamer)
                .doOnNext(counters -> health.counted(streamer.id(), counters))
                // The decision: counters only feed the operator view here; the last values stay until the next poll.
                .onErrorResume(error -> {
                    counterFailures.increment();
                    log.debug("Counter poll of streamer {} failed: {}", streamer.name(), error.toString());
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
