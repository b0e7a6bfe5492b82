package io.streamgate.control.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementPlannerTests {

    private final PlacementPlanner planner = new PlacementPlanner();

    @Test
    void choosesTheTwoLeastLoadedTiesByLowerId() {
        var loads =
                List.of(new StreamerLoad(5, 3), new StreamerLoad(2, 1), new StreamerLoad(9, 1), new StreamerLoad(1, 4));
        assertThat(planner.choose(loads, Set.of())).containsExactly(2L, 9L);
    }

    @Test
    void oneStreamerGivesOnePlacementAndNoneGivesNone() {
        assertThat(planner.choose(List.of(new StreamerLoad(7, 10)), Set.of())).containsExactly(7L);
        assertThat(planner.choose(List.of(), Set.of())).isEmpty();
    }

    @Test
    void keepsCurrentPlacementsAndTopsUp() {
        var loads = List.of(new StreamerLoad(1, 0), new StreamerLoad(2, 0), new StreamerLoad(3, 9));
        assertThat(planner.choose(loads, Set.of(3L))).containsExactly(3L, 1L);
        assertThat(planner.choose(loads, Set.of(3L, 2L))).containsExactly(2L, 3L);
    }

    @Test
    void forgetsCurrentPlacementsOnStreamersThatAreGone() {
        var loads = List.of(new StreamerLoad(1, 0), new StreamerLoad(2, 5));
        assertThat(planner.choose(loads, Set.of(99L))).containsExactly(1L, 2L);
    }
}
