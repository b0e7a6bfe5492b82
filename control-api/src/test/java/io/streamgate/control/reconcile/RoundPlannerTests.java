package io.streamgate.control.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.control.placement.Placement;
import io.streamgate.control.placement.PlacementAction;
import io.streamgate.control.placement.PlacementPlanner;
import io.streamgate.control.placement.PlacementReasons;
import io.streamgate.control.placement.PlacementState;
import io.streamgate.control.streamer.Liveness;
import io.streamgate.control.streamer.Streamer;
import io.streamgate.control.streamer.StreamerHealth.StreamerView;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoundPlannerTests {

    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    static final Duration GRACE = Duration.ofSeconds(30);
    static final long PROJECT = 7;

    final RoundPlanner planner = new RoundPlanner(new PlacementPlanner(), GRACE);
    final Map<Long, StreamerView> health = new HashMap<>();

    static Streamer streamer(long id, StreamerState state) {
        return new Streamer(id, "s" + id, "http://127.0.0.1:" + (9000 + id), null, state, null, Map.of(), null, null);
    }

    static DesiredStream stream(String name) {
        return new DesiredStream(PROJECT, name, null, List.of("fake://" + name));
    }

    static Placement active(String stream, long streamer) {
        return new Placement(PROJECT, stream, streamer, PlacementState.ACTIVE, NOW.minusSeconds(600));
    }

    static Placement leaving(String stream, long streamer, Instant since) {
        return new Placement(PROJECT, stream, streamer, PlacementState.LEAVING, since);
    }

    void health(long id, Liveness liveness) {
        health.put(id, new StreamerView(liveness, NOW, 0, 0, 0));
    }

    List<String> plan(World world, RoundPlanner.Alive alive) {
        return planner.plan(world, health, alive, NOW).stream()
                .map(c -> c.streamName() + "@" + c.streamer().name() + ":"
                        + c.action().wire() + ":" + c.reason())
                .toList();
    }

    static World world(List<Streamer> streamers, List<Placement> placements, List<DesiredStream> streams) {
        return new World(streamers, placements, streams, Set.of(PROJECT));
    }

    @Test
    void aDisabledOrDeadStreamerLosesItsPlacementsAtOnceAndTheStreamIsRepaired() {
        var streamers = List.of(
                streamer(1, StreamerState.DISABLED),
                streamer(2, StreamerState.ACTIVE),
                streamer(3, StreamerState.ACTIVE),
                streamer(4, StreamerState.ACTIVE));
        health(1, Liveness.UP);
        health(2, Liveness.DOWN);
        health(3, Liveness.UP);
        health(4, Liveness.UP);
        var world = world(streamers, List.of(active("a", 1), active("a", 2)), List.of(stream("a")));
        assertThat(plan(world, (id, name) -> true))
                .containsExactly(
                        "a@s1:removed:disabled",
                        "a@s2:removed:streamer_down",
                        "a@s3:placed:repair",
                        "a@s4:placed:repair");
    }

    @Test
    void aStreamerNotPolledLongEnoughKeepsItsPlacements() {
        var streamers = List.of(streamer(1, StreamerState.ACTIVE), streamer(2, StreamerState.ACTIVE));
        health(2, Liveness.UNKNOWN);
        var world = world(streamers, List.of(active("a", 1), active("a", 2)), List.of(stream("a")));
        assertThat(plan(world, (id, name) -> false)).isEmpty();
    }

    @Test
    void drainingStartsLeavingWithAReplacementAndRemovesOnlyOnceLiveElsewhereAfterTheGrace() {
        var streamers = List.of(
                streamer(1, StreamerState.DRAINING),
                streamer(2, StreamerState.ACTIVE),
                streamer(3, StreamerState.ACTIVE));
        streamers.forEach(s -> health(s.id(), Liveness.UP));
        var start = world(streamers, List.of(active("a", 1), active("a", 2)), List.of(stream("a")));
        assertThat(plan(start, (id, name) -> true)).containsExactly("a@s1:leaving:draining", "a@s3:placed:repair");

        var within = world(
                streamers,
                List.of(leaving("a", 1, NOW.minusSeconds(10)), active("a", 2), active("a", 3)),
                List.of(stream("a")));
        assertThat(plan(within, (id, name) -> true)).isEmpty();

        var after = world(
                streamers,
                List.of(leaving("a", 1, NOW.minus(GRACE)), active("a", 2), active("a", 3)),
                List.of(stream("a")));
        // Live only on the leaving streamer: its viewers would be cut off.
        assertThat(plan(after, (id, name) -> id == 1)).isEmpty();
        assertThat(plan(after, (id, name) -> id == 1 || id == 3)).containsExactly("a@s1:removed:drained");
        // Live nowhere: nobody watches, so nobody is cut off.
        assertThat(plan(after, (id, name) -> false)).containsExactly("a@s1:removed:drained");
    }

    @Test
    void aLeavingPlacementOnAStreamerThatDiedIsRemovedAtOnce() {
        var streamers = List.of(streamer(1, StreamerState.DRAINING), streamer(2, StreamerState.ACTIVE));
        health(1, Liveness.DOWN);
        health(2, Liveness.UP);
        var world =
                world(streamers, List.of(leaving("a", 1, NOW.minusSeconds(1)), active("a", 2)), List.of(stream("a")));
        assertThat(plan(world, (id, name) -> true)).containsExactly("a@s1:removed:streamer_down");
    }

    @Test
    void placementsOutsideTheStreamsRegionLeave() {
        var eu = new Streamer(1, "s1", "http://127.0.0.1:1", "eu", StreamerState.ACTIVE, null, Map.of(), null, null);
        var us = new Streamer(2, "s2", "http://127.0.0.1:2", "us", StreamerState.ACTIVE, null, Map.of(), null, null);
        health(1, Liveness.UP);
        health(2, Liveness.UP);
        var world = world(
                List.of(eu, us),
                List.of(active("a", 2)),
                List.of(new DesiredStream(PROJECT, "a", "eu", List.of("fake://a"))));
        assertThat(plan(world, (id, name) -> true))
                .containsExactly("a@s2:leaving:region_changed", "a@s1:placed:repair");
    }

    @Test
    void capacityIsCountedAcrossTheStreamsOfOneRound() {
        var small = new Streamer(1, "s1", "http://127.0.0.1:1", null, StreamerState.ACTIVE, null, Map.of(), 1, null);
        health(1, Liveness.UP);
        var world = world(List.of(small), List.of(), List.of(stream("a"), stream("b")));
        assertThat(plan(world, (id, name) -> true)).containsExactly("a@s1:placed:repair");
    }

    @Test
    void aRoundIsIdempotent() {
        var streamers = List.of(
                streamer(1, StreamerState.DRAINING),
                streamer(2, StreamerState.DISABLED),
                streamer(3, StreamerState.ACTIVE),
                streamer(4, StreamerState.ACTIVE),
                streamer(5, StreamerState.ACTIVE));
        streamers.forEach(s -> health(s.id(), Liveness.UP));
        health(5, Liveness.DOWN);
        var world = world(
                streamers,
                List.of(active("a", 1), active("a", 2), active("b", 5), active("c", 3)),
                List.of(stream("a"), stream("b"), stream("c")));
        List<Change> first = planner.plan(world, health, (id, name) -> true, NOW);
        assertThat(first).isNotEmpty();
        var next = world.withPlacements(RoundPlanner.apply(world.placements(), first, NOW));
        assertThat(planner.plan(next, health, (id, name) -> true, NOW)).isEmpty();
        assertThat(next.placements())
                .filteredOn(p -> p.state() == PlacementState.ACTIVE)
                .extracting(Placement::streamName)
                .containsOnly("a", "b", "c")
                .hasSize(6);
        assertThat(first)
                .filteredOn(c -> c.action() == PlacementAction.LEAVING)
                .extracting(Change::reason)
                .containsExactly(PlacementReasons.DRAINING);
    }
}
