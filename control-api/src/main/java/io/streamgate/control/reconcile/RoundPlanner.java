package io.streamgate.control.reconcile;

import io.streamgate.control.placement.Placement;
import io.streamgate.control.placement.PlacementAction;
import io.streamgate.control.placement.PlacementPlanner;
import io.streamgate.control.placement.PlacementReasons;
import io.streamgate.control.placement.PlacementState;
import io.streamgate.control.placement.StreamerLoad;
import io.streamgate.control.streamer.Liveness;
import io.streamgate.control.streamer.Streamer;
import io.streamgate.control.streamer.StreamerHealth.StreamerView;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides one round's placement changes from the desired state and what the polls saw. Pure, so that a round is
 * idempotent: once its changes are applied, planning again from the result changes nothing until the world moves.
 *
 * <p>Per stream: placements on disabled or dead streamers are removed at once; active placements on draining
 * streamers (or outside the stream's region) start leaving; the stream is topped up to its replicas from the planner's
 * candidates, which also brings streams back when capacity returns; a leaving placement is removed once the drain
 * grace has passed since it started leaving and either the stream is live on an active placement or it is not live on
 * the leaving one either (then no viewer can be cut off).
 */
final class RoundPlanner {

    private static final StreamerView NEVER_POLLED = new StreamerView(Liveness.UNKNOWN, null, 0, 0, 0);

    /** Whether a stream (by internal name) is live on a streamer, as the last poll saw it. */
    @FunctionalInterface
    interface Alive {
        boolean on(long streamerId, String internalName);
    }

    private final PlacementPlanner planner;
    private final Duration drainGrace;

    RoundPlanner(PlacementPlanner planner, Duration drainGrace) {
        this.planner = planner;
        this.drainGrace = drainGrace;
    }

    List<Change> plan(World world, Map<Long, StreamerView> health, Alive alive, Instant now) {
        Map<Long, Streamer> byId = new LinkedHashMap<>();
        world.streamers().forEach(streamer -> byId.put(streamer.id(), streamer));
        Map<Long, Long> activeCounts = new HashMap<>();
        Map<String, List<Placement>> byStream = new HashMap<>();
        for (Placement placement : world.placements()) {
            if (placement.state() == PlacementState.ACTIVE) {
                activeCounts.merge(placement.streamerId(), 1L, Long::sum);
            }
            byStream.computeIfAbsent(key(placement.projectId(), placement.streamName()), k -> new ArrayList<>())
                    .add(placement);
        }
        List<Change> changes = new ArrayList<>();
        for (DesiredStream stream : world.streams()) {
            String internal = stream.internalName();
            List<Placement> kept = new ArrayList<>();
            List<Placement> leaving = new ArrayList<>();
            Set<Long> occupied = new HashSet<>();
            for (Placement placement : byStream.getOrDefault(key(stream.projectId(), stream.name()), List.of())) {
                Streamer streamer = byId.get(placement.streamerId());
                if (streamer == null) {
                    continue;
                }
                boolean active = placement.state() == PlacementState.ACTIVE;
                String removal = streamer.state() == StreamerState.DISABLED
                        ? PlacementReasons.DISABLED
                        : view(health, streamer).liveness() == Liveness.DOWN ? PlacementReasons.STREAMER_DOWN : null;
                if (removal != null) {
                    changes.add(
                            new Change(stream.projectId(), stream.name(), streamer, PlacementAction.REMOVED, removal));
                    if (active) {
                        activeCounts.merge(streamer.id(), -1L, Long::sum);
                    }
                    continue;
                }
                occupied.add(streamer.id());
                if (!active) {
                    leaving.add(placement);
                    continue;
                }
                String leave = streamer.state() == StreamerState.DRAINING
                        ? PlacementReasons.DRAINING
                        : !streamer.serves(stream.region()) ? PlacementReasons.REGION_CHANGED : null;
                if (leave != null) {
                    // Just started leaving: its grace begins now, so it is never removed in the same round.
                    changes.add(
                            new Change(stream.projectId(), stream.name(), streamer, PlacementAction.LEAVING, leave));
                    activeCounts.merge(streamer.id(), -1L, Long::sum);
                } else {
                    kept.add(placement);
                }
            }
            Set<Long> active = new HashSet<>();
            kept.forEach(placement -> active.add(placement.streamerId()));
            List<StreamerLoad> loads = new ArrayList<>();
            for (Streamer streamer : byId.values()) {
                loads.add(StreamerLoad.of(
                        streamer, view(health, streamer), Math.max(0, activeCounts.getOrDefault(streamer.id(), 0L))));
            }
            for (long id : planner.additions(stream.region(), loads, active, occupied)) {
                changes.add(new Change(
                        stream.projectId(),
                        stream.name(),
                        byId.get(id),
                        PlacementAction.PLACED,
                        PlacementReasons.REPAIR));
                activeCounts.merge(id, 1L, Long::sum);
            }
            boolean liveOnActive = kept.stream()
                    .anyMatch(placement ->
                            view(health, byId.get(placement.streamerId())).up()
                                    && alive.on(placement.streamerId(), internal));
            for (Placement placement : leaving) {
                boolean graceOver = placement.since() == null
                        || !placement.since().plus(drainGrace).isAfter(now);
                Streamer streamer = byId.get(placement.streamerId());
                boolean liveHere = view(health, streamer).up() && alive.on(streamer.id(), internal);
                if (graceOver && (liveOnActive || !liveHere)) {
                    changes.add(new Change(
                            stream.projectId(),
                            stream.name(),
                            streamer,
                            PlacementAction.REMOVED,
                            PlacementReasons.DRAINED));
                }
            }
        }
        return List.copyOf(changes);
    }

    /** The placements once the changes are applied at {@code now}. */
    static List<Placement> apply(List<Placement> placements, List<Change> changes, Instant now) {
        Map<String, Placement> byKey = new LinkedHashMap<>();
        placements.forEach(p -> byKey.put(key(p.projectId(), p.streamName(), p.streamerId()), p));
        for (Change change : changes) {
            String key = key(
                    change.projectId(), change.streamName(), change.streamer().id());
            switch (change.action()) {
                case PLACED ->
                    byKey.put(
                            key,
                            new Placement(
                                    change.projectId(),
                                    change.streamName(),
                                    change.streamer().id(),
                                    PlacementState.ACTIVE,
                                    now));
                case LEAVING ->
                    byKey.computeIfPresent(
                            key,
                            (k, p) -> new Placement(
                                    p.projectId(), p.streamName(), p.streamerId(), PlacementState.LEAVING, now));
                case REMOVED -> byKey.remove(key);
            }
        }
        return List.copyOf(byKey.values());
    }

    private static StreamerView view(Map<Long, StreamerView> health, Streamer streamer) {
        return health.getOrDefault(streamer.id(), NEVER_POLLED);
    }

    private static String key(long projectId, String name) {
        return projectId + "/" + name;
    }

    private static String key(long projectId, String name, long streamerId) {
        return projectId + "/" + name + "/" + streamerId;
    }
}
