package io.streamgate.control.reconcile;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.control.events.ConfigChanges;
import io.streamgate.control.placement.PlacementPlanner;
import io.streamgate.control.placement.PlacementStore;
import io.streamgate.control.storage.StorageSettings;
import io.streamgate.control.streamer.Streamer;
import io.streamgate.control.streamer.StreamerDrivers;
import io.streamgate.control.streamer.StreamerHealth;
import io.streamgate.domain.name.InternalStreamName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reconcile loop. Every interval each instance tries to take or renew the leader lease; only the leader runs a
 * round: it plans placement changes from the database and the polls, commits all of them as one config change (so
 * the gateways learn of them at once), and then makes every streamer that answers run what is placed on it. It works
 * from the database alone; the streamers keep serving what they have while it is down. Rounds never overlap, and a
 * failed round (the database is down) is logged once and tried again the next interval.
 */
@Component
class Reconciler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    static final String LEASE = "reconcile";

    private final ReconcileStore store;
    private final StreamerHealth health;
    private final PlacementStore placements;
    private final ConfigChanges changes;
    private final RoundPlanner planner;
    private final StreamerSync sync;
    private final LeaderLease lease;
    private final ReconcileSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile boolean leader;
    private volatile Disposable running;

    @Autowired
    Reconciler(
            ReconcileStore store,
            StreamerHealth health,
            StreamerDrivers drivers,
            PlacementStore placements,
            PlacementPlanner planner,
            ConfigChanges changes,
            DatabaseClient db,
            StorageSettings storage,
            ReconcileSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this(
                store,
                health,
                drivers,
                placements,
                planner,
                changes,
                db,
                storage,
                settings,
                clock,
                meters,
                // A fresh holder per process life: a restarted instance must not inherit its previous life's lease.
                UUID.randomUUID().toString());
    }

    Reconciler(
            ReconcileStore store,
            StreamerHealth health,
            StreamerDrivers drivers,
            PlacementStore placements,
            PlacementPlanner planner,
            ConfigChanges changes,
            DatabaseClient db,
            StorageSettings storage,
            ReconcileSettings settings,
            Clock clock,
            MeterRegistry meters,
            String instanceId) {
        this.store = store;
        this.health = health;
        this.placements = placements;
        this.changes = changes;
        this.planner = new RoundPlanner(planner, settings.drainGrace());
        this.sync = new StreamerSync(drivers, meters);
        this.lease = new LeaderLease(db, storage.statementTimeout(), clock, LEASE, instanceId, settings.lease());
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        meters.gauge("streamgate.control.reconcile.leader", this, reconciler -> reconciler.leader ? 1 : 0);
    }

    /** What one round did; a follower's round does nothing. */
    record Round(boolean leader, List<Change> changes, StreamerSync.Result streamers) {

        static final Round FOLLOWER = new Round(false, List.of(), StreamerSync.Result.NONE);
    }

    @Override
    public void start() {
        // The first round waits one interval, so this instance's poller has seen the streamers by then.
        running = Flux.interval(settings.interval(), settings.interval())
                .onBackpressureDrop()
                .concatMap(
                        tick -> round()
                                // The decision: a failed round changes nothing; the next interval tries again.
                                .onErrorResume(error -> {
                                    meters.counter("streamgate.control.reconcile.rounds", "outcome", "failed")
                                            .increment();
                                    if (!failing.getAndSet(true)) {
                                        log.warn(
                                                "Reconcile round failed; retrying every {}: {}",
                                                settings.interval(),
                                                error.toString());
                                    } else {
                                        log.debug("Reconcile round failed again: {}", error.toString());
                                    }
                                    return Mono.empty();
                                }),
                        1)
                .subscribe();
    }

    /** One round: the lease, then (as leader) placement changes and the streamers' sync. */
    Mono<Round> round() {
        return lease.acquire().flatMap(acquired -> {
            if (acquired != leader) {
                log.info("Reconcile leadership {} by instance {}", acquired ? "taken" : "lost", lease.holder());
            }
            leader = acquired;
            if (!acquired) {
                meters.counter("streamgate.control.reconcile.rounds", "outcome", "follower")
                        .increment();
                return Mono.just(Round.FOLLOWER);
            }
            return lead().doOnNext(round -> {
                meters.counter("streamgate.control.reconcile.rounds", "outcome", "leader")
                        .increment();
                if (failing.getAndSet(false)) {
                    log.info("Reconcile rounds succeed again");
                }
            });
        });
    }

    private Mono<Round> lead() {
        // What the streamers run is taken before the desired state is read: a stream placed and pushed in between is
        // then in both, and never mistaken for one to remove.
        Map<Long, Set<String>> runs = running();
        Instant now = clock.instant();
        return store.read()
                .flatMap(world -> {
                    List<Change> planned = planner.plan(world, views(world), this::alive, now);
                    if (planned.isEmpty()) {
                        return Mono.just(new Applied(world, planned));
                    }
                    // Planned again inside the change's transaction, which serialises it with every other config
                    // writer, so it acts on what is committed now rather than on what was read a moment ago.
                    return changes.commit(v -> store.read().flatMap(current -> {
                                List<Change> decided = planner.plan(current, views(current), this::alive, now);
                                return Flux.fromIterable(decided)
                                        .concatMap(change -> apply(change, now))
                                        .then(Mono.fromSupplier(() -> new Applied(
                                                current.withPlacements(
                                                        RoundPlanner.apply(current.placements(), decided, now)),
                                                decided)));
                            }))
                            .doOnNext(applied -> applied.changes().forEach(this::recorded));
                })
                .flatMap(applied ->
                        sync.sync(applied.world(), runs).map(result -> new Round(true, applied.changes(), result)));
    }

    private Mono<Void> apply(Change change, Instant now) {
        return switch (change.action()) {
            case PLACED ->
                placements.place(change.projectId(), change.streamName(), change.streamer(), change.reason(), now);
            case LEAVING ->
                placements.leave(change.projectId(), change.streamName(), change.streamer(), change.reason(), now);
            case REMOVED ->
                placements.remove(change.projectId(), change.streamName(), change.streamer(), change.reason(), now);
        };
    }

    private void recorded(Change change) {
        meters.counter(
                        "streamgate.control.reconcile.changes",
                        "action",
                        change.action().wire(),
                        "reason",
                        change.reason())
                .increment();
        log.info(
                "Stream {} on streamer {}: {} ({})",
                InternalStreamName.format(change.projectId(), change.streamName()),
                change.streamer().name(),
                change.action().wire(),
                change.reason());
    }

    private Map<Long, Set<String>> running() {
        return health.running();
    }

    private Map<Long, StreamerHealth.StreamerView> views(World world) {
        Map<Long, StreamerHealth.StreamerView> views = new HashMap<>();
        for (Streamer streamer : world.streamers()) {
            views.put(streamer.id(), health.of(streamer.id()));
        }
        return views;
    }

    private boolean alive(long streamerId, String internalName) {
        return health.stream(streamerId, internalName).alive();
    }

    /** Whether the last round found this instance holding the lease. */
    boolean leader() {
        return leader;
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
    public void stop(Runnable callback) {
        stop();
        if (!leader) {
            callback.run();
            return;
        }
        leader = false;
        // Handing the lease back lets another instance lead at its next round instead of after the lease expires.
        lease.release()
                .timeout(Duration.ofSeconds(2))
                .doOnError(error -> log.debug("Could not release the reconcile lease: {}", error.toString()))
                .onErrorComplete()
                .doFinally(signal -> callback.run())
                .subscribe();
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    private record Applied(World world, List<Change> changes) {}
}
