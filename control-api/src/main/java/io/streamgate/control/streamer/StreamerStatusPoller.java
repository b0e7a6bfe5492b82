package io.streamgate.control.streamer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads every registered streamer's stream list on a fixed interval and keeps {@link LiveStreams} current. Polls
 * never overlap: a slow round drops the ticks that fall within it.
 */
@Component
class StreamerStatusPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamerStatusPoller.class);

    private final StreamerDirectory directory;
    private final StreamerClient client;
    private final LiveStreams live;
    private final StreamerSettings settings;
    private final Counter failures;
    private volatile Disposable running;

    StreamerStatusPoller(
            StreamerDirectory directory,
            StreamerClient client,
            LiveStreams live,
            StreamerSettings settings,
            MeterRegistry meters) {
        this.directory = directory;
        this.client = client;
        this.live = live;
        this.settings = settings;
        this.failures = meters.counter("streamgate.control.status.poll.failures");
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
                .flatMap(streamer -> client.list(streamer)
                        .doOnNext(list -> live.replace(streamer.id(), states(list)))
                        // The decision: an unreachable streamer has nothing alive as far as operators can tell.
                        .onErrorResume(error -> {
                            failures.increment();
                            live.forget(streamer.id());
                            log.debug("Status poll of streamer {} failed: {}", streamer.name(), error.toString());
                            return Mono.empty();
                        }))
                .then()
                // The decision: a database hiccup skips one round; the next tick tries again.
                .onErrorResume(error -> {
                    failures.increment();
                    log.warn("Status poll could not list streamers: {}", error.toString());
                    return Mono.empty();
                });
    }

    private static Map<String, LiveStreams.StreamState> states(StreamerStreamList list) {
        Map<String, LiveStreams.StreamState> out = new HashMap<>();
        for (StreamerStreamList.Entry entry : list.streams()) {
            if (entry.name() != null) {
                boolean alive = entry.stats() != null && entry.stats().alive();
                long clients = entry.stats() == null ? 0 : entry.stats().onlineClients();
                out.put(entry.name(), new LiveStreams.StreamState(alive, clients));
            }
        }
        return out;
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
