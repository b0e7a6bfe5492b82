package io.streamgate.control.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.control.streamer.Liveness;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementPlannerTests {

    private final PlacementPlanner planner = new PlacementPlanner();

    static StreamerLoad up(long id, long placements) {
        return new StreamerLoad(id, null, StreamerState.ACTIVE, Liveness.UP, placements, null, 0, null);
    }

    @Test
    void choosesTheTwoLeastLoadedTiesByLowerId() {
        var loads = List.of(up(5, 3), up(2, 1), up(9, 1), up(1, 4));
        assertThat(planner.choose(null, loads, Set.of(), Set.of())).containsExactly(2L, 9L);
    }

    @Test
    void fewerCandidatesGiveFewerReplicasNeverAFailure() {
        assertThat(planner.choose(null, List.of(up(7, 10)), Set.of(), Set.of())).containsExactly(7L);
        assertThat(planner.choose(null, List.of(), Set.of(), Set.of())).isEmpty();
    }

    @Test
    void keepsHealthyPlacementsAndTopsUp() {
        var loads = List.of(up(1, 0), up(2, 0), up(3, 9));
        assertThat(planner.choose(null, loads, Set.of(3L), Set.of(3L))).containsExactly(3L, 1L);
        assertThat(planner.choose(null, loads, Set.of(3L, 2L), Set.of(3L, 2L))).containsExactly(2L, 3L);
        assertThat(planner.additions(null, loads, Set.of(3L), Set.of(3L))).containsExactly(1L);
    }

    @Test
    void keepsAPlacementOnAStreamerNotYetPolledButNotOnADeadDrainingDisabledOrForeignOne() {
        var loads = List.of(
                new StreamerLoad(1, "eu", StreamerState.ACTIVE, Liveness.UNKNOWN, 1, null, 0, null),
                new StreamerLoad(2, "eu", StreamerState.ACTIVE, Liveness.DOWN, 1, null, 0, null),
                new StreamerLoad(3, "eu", StreamerState.DRAINING, Liveness.UP, 1, null, 0, null),
                new StreamerLoad(4, "eu", StreamerState.DISABLED, Liveness.UP, 1, null, 0, null),
                new StreamerLoad(5, "us", StreamerState.ACTIVE, Liveness.UP, 1, null, 0, null),
                new StreamerLoad(6, "eu", StreamerState.ACTIVE, Liveness.UP, 1, null, 0, null));
        Set<Long> all = Set.of(1L, 2L, 3L, 4L, 5L);
        assertThat(planner.choose("eu", loads, all, all)).containsExactly(1L, 6L);
    }

    @Test
    void addsOnlyActiveAnsweringStreamersOfTheRegionWithRoom() {
        var loads = List.of(
                new StreamerLoad(1, "eu", StreamerState.ACTIVE, Liveness.UNKNOWN, 0, null, 0, null),
                new StreamerLoad(2, "eu", StreamerState.DRAINING, Liveness.UP, 0, null, 0, null),
                new StreamerLoad(3, "eu", StreamerState.DISABLED, Liveness.UP, 0, null, 0, null),
                new StreamerLoad(4, "us", StreamerState.ACTIVE, Liveness.UP, 0, null, 0, null),
                new StreamerLoad(5, "eu", StreamerState.ACTIVE, Liveness.UP, 3, 3, 0, null),
                new StreamerLoad(6, "eu", StreamerState.ACTIVE, Liveness.UP, 0, null, 10_000, 10),
                new StreamerLoad(7, "eu", StreamerState.ACTIVE, Liveness.DOWN, 0, null, 0, null),
                new StreamerLoad(8, "eu", StreamerState.ACTIVE, Liveness.UP, 2, 3, 9_999, 10));
        assertThat(planner.choose("eu", loads, Set.of(), Set.of())).containsExactly(8L);
        assertThat(planner.choose(null, loads, Set.of(), Set.of())).containsExactly(4L, 8L);
    }

    @Test
    void neverAddsAStreamerThatAlreadyHoldsTheStreamLeaving() {
        var loads = List.of(up(1, 0), up(2, 0), up(3, 5));
        assertThat(planner.choose(null, loads, Set.of(), Set.of(1L))).containsExactly(2L, 3L);
    }

    @Test
    void relativeLoadCountsPlacementsAgainstCapacity() {
        var loads = List.of(
                new StreamerLoad(1, null, StreamerState.ACTIVE, Liveness.UP, 1, null, 0, null),
                new StreamerLoad(2, null, StreamerState.ACTIVE, Liveness.UP, 5, 10, 0, null),
                new StreamerLoad(3, null, StreamerState.ACTIVE, Liveness.UP, 30, 100, 0, null));
        // 30/100 < 5/10 < 1/1
        assertThat(planner.choose(null, loads, Set.of(), Set.of())).containsExactly(3L, 2L);
    }

    @Test
    void forgetsPlacementsOnStreamersThatAreGone() {
        var loads = List.of(up(1, 0), up(2, 5));
        assertThat(planner.choose(null, loads, Set.of(99L), Set.of(99L))).containsExactly(1L, 2L);
    }
}
