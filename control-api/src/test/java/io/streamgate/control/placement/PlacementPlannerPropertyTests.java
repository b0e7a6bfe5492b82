package io.streamgate.control.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.control.streamer.Liveness;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The planner's rules over random clouds: any mix of states, health, regions, capacities and current placements. */
class PlacementPlannerPropertyTests {

    private final PlacementPlanner planner = new PlacementPlanner();

    /** A cloud, a stream's region and its current placements. */
    record Case(List<StreamerLoad> streamers, String region, Set<Long> active, Set<Long> leaving) {

        Set<Long> occupied() {
            Set<Long> all = new HashSet<>(active);
            all.addAll(leaving);
            return all;
        }
    }

    @Property
    void keepsExactlyTheHealthyActivePlacements(@ForAll("cases") Case c) {
        List<Long> chosen = planner.choose(c.region(), c.streamers(), c.active(), c.occupied());
        Set<Long> healthy = c.streamers().stream()
                .filter(s -> c.active().contains(s.streamerId()))
                .filter(s -> s.state() == StreamerState.ACTIVE && s.liveness() != Liveness.DOWN && s.serves(c.region()))
                .map(StreamerLoad::streamerId)
                .collect(Collectors.toSet());
        Set<Long> keptInResult = chosen.stream().filter(c.active()::contains).collect(Collectors.toSet());
        assertThat(keptInResult).isEqualTo(healthy);
    }

    @Property
    void addsOnlyCandidatesUpToTheReplicasAndAsManyAsThereAre(@ForAll("cases") Case c) {
        List<Long> added = planner.additions(c.region(), c.streamers(), c.active(), c.occupied());
        Set<Long> candidates =
                candidates(c).stream().map(StreamerLoad::streamerId).collect(Collectors.toSet());
        assertThat(candidates).containsAll(added);
        assertThat(added).doesNotHaveDuplicates();
        long kept = planner.choose(c.region(), c.streamers(), c.active(), c.occupied())
                        .size()
                - added.size();
        long wanted = Math.max(0, PlacementPlanner.REPLICAS - kept);
        assertThat(added).hasSize((int) Math.min(wanted, candidates.size()));
    }

    @Property
    void addsTheLeastRelativelyLoaded(@ForAll("cases") Case c) {
        List<Long> added = planner.additions(c.region(), c.streamers(), c.active(), c.occupied());
        List<StreamerLoad> candidates = candidates(c);
        for (long id : added) {
            StreamerLoad chosen = candidates.stream()
                    .filter(s -> s.streamerId() == id)
                    .findFirst()
                    .orElseThrow();
            for (StreamerLoad other : candidates) {
                if (!added.contains(other.streamerId())) {
                    assertThat(PlacementPlanner.LEAST_LOADED.compare(chosen, other))
                            .as("%s chosen before %s", chosen, other)
                            .isNegative();
                }
            }
        }
    }

    @Property
    void theAnswerDoesNotDependOnTheOrderOfStreamers(@ForAll("cases") Case c, @ForAll long seed) {
        List<StreamerLoad> shuffled = new ArrayList<>(c.streamers());
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(planner.choose(c.region(), shuffled, c.active(), c.occupied()))
                .isEqualTo(planner.choose(c.region(), c.streamers(), c.active(), c.occupied()));
    }

    @Property
    void planningAgainAfterAddingAddsNothingMore(@ForAll("cases") Case c) {
        List<Long> added = planner.additions(c.region(), c.streamers(), c.active(), c.occupied());
        Set<Long> active = new HashSet<>(c.active());
        active.addAll(added);
        Set<Long> occupied = new HashSet<>(c.occupied());
        occupied.addAll(added);
        List<StreamerLoad> loads = c.streamers().stream()
                .map(s -> added.contains(s.streamerId())
                        ? new StreamerLoad(
                                s.streamerId(),
                                s.region(),
                                s.state(),
                                s.liveness(),
                                s.placements() + 1,
                                s.maxStreams(),
                                s.bitrateKbps(),
                                s.maxEgressMbps())
                        : s)
                .toList();
        List<Long> again = planner.additions(c.region(), loads, active, occupied);
        if (planner.choose(c.region(), loads, active, occupied).size() - again.size() >= PlacementPlanner.REPLICAS) {
            assertThat(again).isEmpty();
        }
        assertThat(again).noneMatch(added::contains);
    }

    private static List<StreamerLoad> candidates(Case c) {
        return c.streamers().stream()
                .filter(s -> !c.occupied().contains(s.streamerId()))
                .filter(s -> s.state() == StreamerState.ACTIVE
                        && s.liveness() == Liveness.UP
                        && s.serves(c.region())
                        && s.hasRoom())
                .toList();
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> regions = Arbitraries.of("eu", "us", "ap").injectNull(0.3);
        Arbitrary<StreamerLoad> load = Combinators.combine(
                        Arbitraries.longs().between(1, 40),
                        regions,
                        Arbitraries.of(StreamerState.class),
                        Arbitraries.of(Liveness.class),
                        Arbitraries.longs().between(0, 50),
                        Arbitraries.integers().between(1, 60).injectNull(0.4),
                        Arbitraries.longs().between(0, 200_000),
                        Arbitraries.integers().between(1, 200).injectNull(0.5))
                .as(StreamerLoad::new);
        Arbitrary<List<StreamerLoad>> clouds = load.list().ofMaxSize(12).uniqueElements(StreamerLoad::streamerId);
        return clouds.flatMap(streamers -> {
            List<Long> ids = streamers.stream().map(StreamerLoad::streamerId).toList();
            Arbitrary<Set<Long>> subsets = ids.isEmpty()
                    ? Arbitraries.just(Set.of())
                    : Arbitraries.of(ids).set().ofMaxSize(Math.min(4, ids.size()));
            return Combinators.combine(regions, subsets, subsets).as((region, active, leaving) -> {
                Set<Long> onlyLeaving = new HashSet<>(leaving);
                onlyLeaving.removeAll(active);
                return new Case(streamers, region, active, onlyLeaving);
            });
        });
    }
}
