package io.streamgate.gateway.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import io.streamgate.gateway.snapshot.SnapshotStore;
import io.streamgate.plugin.api.driver.RuntimeState;
import io.streamgate.plugin.api.driver.StreamerDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Asks every streamer of the snapshot for its runtime state once per interval, through the streamer's driver plugin,
 * and feeds the {@link LiveMap}. A failed poll is a failed health check: the streamer leaves the live map at once and
 * is ejected (see {@link StreamerHealth}) so it stays away a while even if its next poll succeeds. A poll that only
 * timed out counts when the one after it times out too: one late answer is as often the gateway's own busy CPUs. A
 * streamer this gateway has not yet seen answer is only kept out of the map: it has no viewers to protect, and the
 * first polls after a start (plugin classes loading, code not yet compiled) may be slow without the streamer being at
 * fault.
 */
final class StreamerPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamerPoller.class);

    private final SnapshotStore snapshots;
    private final LiveMap liveMap;
    private final StreamerDrivers drivers;
    private final StreamerHealth health;
    private final Duration interval;
    private final Duration timeout;
    private final Counter failures;
    /** Streamers that answered a poll since this gateway started. */
    private final Set<Long> answered = ConcurrentHashMap.newKeySet();

    private final Map<Long, Alive> lastAlive = new ConcurrentHashMap<>();
    /** Streamers whose last poll timed out, after one before it that did not. */
    private final Set<Long> lateOnce = ConcurrentHashMap.newKeySet();

    private volatile Disposable running;

    StreamerPoller(
            SnapshotStore snapshots,
            LiveMap liveMap,
            StreamerDrivers drivers,
            StreamerHealth health,
            LiveProperties properties,
            MeterRegistry meters) {
        this.snapshots = snapshots;
        this.liveMap = liveMap;
        this.drivers = drivers;
        this.health = health;
        this.interval = properties.pollInterval();
        // A safety net around plugin code, a little past the timeout the driver's own calls get: when both fired at
        // once, the loser's error had nowhere to go but Reactor's onErrorDropped, logged as an ERROR.
        this.timeout = properties.timeout().plus(properties.timeout().dividedBy(4));
        this.failures = meters.counter("streamgate.gateway.live.poll.failures");
    }

    @Override
    public void start() {
        running = Flux.interval(Duration.ZERO, interval, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> pollAll(), 1)
                .subscribe();
    }

    /** One round: every streamer in parallel, each bounded by the timeout. */
    Mono<Void> pollAll() {
        List<StreamerEntry> streamers = snapshots.current().streamers();
        Set<Long> ids = new HashSet<>();
        for (StreamerEntry streamer : streamers) {
            ids.add(streamer.id());
        }
        liveMap.retain(ids);
        health.retain(ids);
        answered.retainAll(ids);
        lateOnce.retainAll(ids);
        lastAlive.keySet().retainAll(ids);
        long generation = drivers.generation();
        // Making drivers runs plugin code, which may load classes from its jar: not on this timer's thread.
        return Mono.fromCallable(() -> drivers.sync(streamers))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(built -> Flux.fromIterable(streamers).flatMap(entry -> poll(entry, built, generation)))
                .then()
                .onErrorResume(error -> {
                    // Only a bug gets here (each poll handles its own failure): keep polling on the next tick.
                    log.error("Poll round failed", error);
                    return Mono.empty();
                });
    }

    private Mono<Void> poll(StreamerEntry entry, Map<Long, StreamerDrivers.Driven> built, long generation) {
        StreamerDrivers.Driven driven = built.get(entry.id());
        if (entry.state() == StreamerState.DISABLED || driven == null || driven.driver() == null) {
            // Disabled streamers take nothing; one without a usable driver cannot be known to be live.
            liveMap.drop(entry.id());
            return Mono.empty();
        }
        StreamerDriver driver = driven.driver();
        return Mono.defer(driver::state)
                .timeout(timeout)
                .doOnNext(state -> {
                    Alive alive = alive(entry.id(), state);
                    liveMap.report(LiveStreamer.of(entry, alive.clients, health.of(entry.id())), alive.names);
                    answered.add(entry.id());
                    lateOnce.remove(entry.id());
                })
                .then()
                .onErrorResume(error -> {
                    if (drivers.generation() != generation) {
                        // The plugins were reloaded under this poll: the driver's classes are gone, which says
                        // nothing about the streamer. The next round polls it with a new driver.
                        log.debug("Poll of streamer {} overlapped a plugin reload: {}", entry.id(), error.toString());
                        return Mono.empty();
                    }
                    failures.increment();
                    if (error instanceof TimeoutException && lateOnce.add(entry.id())) {
                        // One late answer is as likely this gateway's own CPUs being busy as the streamer being gone:
                        // keep what the last poll said until a second one in a row is late too. A refused
                        // connection or an error answer says more, and counts at once.
                        log.debug("Poll of streamer {} was late once: {}", entry.id(), error.toString());
                        return Mono.empty();
                    }
                    // A streamer that does not answer its state is not trusted with viewers until it does again.
                    log.debug("Poll of streamer {} failed: {}", entry.id(), error.toString());
                    liveMap.drop(entry.id());
                    if (answered.contains(entry.id())) {
                        health.failed(entry.id(), "poll failed: " + error);
                    }
                    return Mono.empty();
                });
    }

    /**
     * What {@code state} says for the live map: the names it lists alive and its viewers. A driver that read the same
     * list again hands back the same state, and then the same names go to the live map, which tells them unchanged by
     * identity instead of comparing every name; neither is counted again (summing the viewers of twenty 10,000-stream
     * lists every second was a sixth of a busy gateway's CPU).
     */
    private Alive alive(long streamerId, RuntimeState state) {
        Alive held = lastAlive.get(streamerId);
        if (held != null && held.state == state) {
            return held;
        }
        List<String> alive = new ArrayList<>(state.streams().size());
        long clients = 0;
        for (RuntimeState.StreamState stream : state.streams()) {
            if (stream.alive()) {
                alive.add(stream.name());
            }
            clients += stream.onlineClients();
        }
        Alive counted = new Alive(state, List.copyOf(alive), clients);
        lastAlive.put(streamerId, counted);
        return counted;
    }

    private record Alive(RuntimeState state, List<String> names, long clients) {}

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
