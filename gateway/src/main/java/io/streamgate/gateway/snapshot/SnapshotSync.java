package io.streamgate.gateway.snapshot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.domain.snapshot.ConfigSnapshot;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps the {@link SnapshotStore} current: one load at start (falling back to the last-known-good file), then a
 * periodic full sync merged with the Redis change events, one fetch at a time.
 */
final class SnapshotSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SnapshotSync.class);

    private final SnapshotStore store;
    private final SnapshotClient client;
    private final SnapshotFile file;
    private final ConfigChangeListener listener;
    private final Duration interval;
    private final Counter failures;
    private volatile Disposable running;

    SnapshotSync(
            SnapshotStore store,
            SnapshotClient client,
            SnapshotFile file,
            ConfigChangeListener listener,
            Duration interval,
            MeterRegistry meters) {
        this.store = store;
        this.client = client;
        this.file = file;
        this.listener = listener;
        this.interval = interval;
        this.failures = meters.counter("streamgate.gateway.snapshot.sync.failures");
    }

    @Override
    public void start() {
        Flux<Long> ticks = Flux.interval(interval, interval, Schedulers.parallel());
        Flux<Long> announced = listener == null
                ? Flux.empty()
                : listener.versions()
                        .filter(version -> version > store.current().version());
        running = loadAtStart()
                .thenMany(Flux.merge(ticks, announced)
                        .onBackpressureDrop()
                        .concatMap(trigger -> syncOnce().onErrorResume(this::logFailure), 1))
                .subscribe();
    }

    /** The first load: control-api if it answers, else the last-known-good file. */
    Mono<Void> loadAtStart() {
        return syncOnce().then().onErrorResume(error -> {
            // control-api may be down while we start: serve the last config we knew rather than nothing.
            logFailure(error);
            return file.read()
                    // The file is read on a blocking-capable scheduler, where building auth chains is allowed too.
                    .doOnNext(snapshot -> {
                        if (store.offer(snapshot)) {
                            log.warn(
                                    "control-api unreachable, serving the last-known-good snapshot version {} from {}",
                                    snapshot.version(),
                                    file.path());
                        }
                    })
                    .then()
                    .onErrorResume(this::logFailure);
        });
    }

    /** One conditional fetch; a newer snapshot is swapped in and then persisted. Emits whether it was swapped. */
    Mono<Boolean> syncOnce() {
        return Mono.defer(() -> client.fetch(store.current()))
                .flatMap(this::accept)
                .defaultIfEmpty(false);
    }

    private Mono<Boolean> accept(SnapshotClient.Fetched fetched) {
        ConfigSnapshot snapshot = fetched.snapshot();
        // Building the auth chains asks the plugins, which may block: never on the HTTP client's event loop.
        return Mono.fromCallable(() -> store.offer(snapshot))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(swapped -> {
                    if (!swapped) {
                        return Mono.just(false);
                    }
                    log.info("Config snapshot version {} loaded", snapshot.version());
                    return file.write(fetched.json())
                            // Failing to persist costs only the fallback of a future start; keep serving the new one.
                            .onErrorResume(this::logFailure)
                            .thenReturn(true);
                });
    }

    private <T> Mono<T> logFailure(Throwable error) {
        failures.increment();
        log.warn("Config snapshot sync failed: {}", error.toString());
        return Mono.empty();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
        if (listener != null) {
            listener.close().subscribe(null, error -> log.debug("Redis client shutdown: {}", error.toString()));
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
