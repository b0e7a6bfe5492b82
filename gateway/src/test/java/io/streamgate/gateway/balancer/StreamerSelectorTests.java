package io.streamgate.gateway.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import io.streamgate.gateway.MutableClock;
import io.streamgate.gateway.live.EjectionProperties;
import io.streamgate.gateway.live.LiveStreamer;
import io.streamgate.gateway.live.StreamerHealth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StreamerSelectorTests {

    /** One generated streamer. */
    record Spec(long id, StreamerState state, String region, long load, boolean ejected) {}

    private final MutableClock clock = new MutableClock();
    private final StreamerHealth health = health();

    // --- properties ---

    @Property(tries = 2000)
    void theChoiceIsAlwaysACandidateOfTheBestTierAndTheLeastLoadedThere(
            @ForAll("streamers") List<Spec> specs,
            @ForAll("regions") String region,
            @ForAll("sessions") String session,
            @ForAll @IntRange(min = 0, max = 9) int excludedIndex) {
        StreamerHealth health = health();
        List<LiveStreamer> live = build(specs, health);
        long excluded = excludedIndex < specs.size() ? specs.get(excludedIndex).id() : StreamerSelector.NONE;

        LiveStreamer chosen = StreamerSelector.choose(live, region, session.hashCode(), excluded, clock.millis());

        List<Spec> candidates = specs.stream()
                .filter(s -> s.id() != excluded && !s.ejected() && s.state() != StreamerState.DISABLED)
                .toList();
        if (candidates.isEmpty()) {
            assertThat(chosen).isNull();
            return;
        }
        assertThat(chosen).isNotNull();
        Spec spec = specOf(specs, chosen.streamerId());
        assertThat(spec.id()).isNotEqualTo(excluded);
        assertThat(spec.ejected()).isFalse();
        assertThat(spec.state()).isNotEqualTo(StreamerState.DISABLED);
        int best = candidates.stream().mapToInt(s -> tier(s, region)).min().orElseThrow();
        assertThat(tier(spec, region)).isEqualTo(best);
        long least = candidates.stream()
                .filter(s -> tier(s, region) == best)
                .mapToLong(Spec::load)
                .min()
                .orElseThrow();
        assertThat(spec.load()).isEqualTo(least);
        // The same inputs give the same answer: a tie always goes the same way for one session.
        assertThat(StreamerSelector.choose(live, region, session.hashCode(), excluded, clock.millis()))
                .isSameAs(chosen);
    }

    @Property(tries = 1000)
    void aStickySessionStaysWhileItsStreamerIsACandidateAndOnlyThen(
            @ForAll("streamers") List<Spec> specs,
            @ForAll("regions") String region,
            @ForAll("sessions") String session,
            @ForAll("streamers") List<Spec> laterSpecs) {
        StreamerHealth health = health();
        StickyBalancer balancer = new StickyBalancer(clock, new SimpleMeterRegistry());
        LiveStreamer first =
                balancer.choose(build(specs, health), session, StickyBalancer.NONE, region, StickyBalancer.NONE);
        if (first == null) {
            return;
        }
        // A later poll: other loads, states, regions and ejections, over an overlapping set of streamers.
        StreamerHealth laterHealth = health();
        List<LiveStreamer> later = build(laterSpecs, laterHealth);
        LiveStreamer again = balancer.choose(later, session, first.streamerId(), region, StickyBalancer.NONE);

        Spec held = laterSpecs.stream()
                .filter(s -> s.id() == first.streamerId())
                .findFirst()
                .orElse(null);
        boolean activeElsewhere = laterSpecs.stream()
                .anyMatch(s -> s.id() != first.streamerId() && !s.ejected() && s.state() == StreamerState.ACTIVE);
        boolean stays = held != null
                && !held.ejected()
                && (held.state() == StreamerState.ACTIVE
                        || (held.state() == StreamerState.DRAINING && !activeElsewhere));
        if (stays) {
            assertThat(again.streamerId()).isEqualTo(first.streamerId());
        } else if (again != null) {
            assertThat(again.streamerId()).isNotEqualTo(first.streamerId());
            Spec moved = specOf(laterSpecs, again.streamerId());
            assertThat(moved.ejected()).isFalse();
            assertThat(moved.state()).isNotEqualTo(StreamerState.DISABLED);
        }
    }

    // --- examples ---

    @Test
    void aBurstWithinOnePollSpreadsInsteadOfHerding() {
        List<LiveStreamer> live = List.of(
                streamer(1, StreamerState.ACTIVE, null, 10),
                streamer(2, StreamerState.ACTIVE, null, 0),
                streamer(3, StreamerState.ACTIVE, null, 4));
        StickyBalancer balancer = new StickyBalancer(clock, new SimpleMeterRegistry());
        int[] sent = new int[4];
        for (int i = 0; i < 30; i++) {
            sent[
                    (int) balancer.choose(live, "viewer-" + i, StickyBalancer.NONE, null, StickyBalancer.NONE)
                            .streamerId()]++;
        }
        // 30 new viewers: 4 bring streamer 2 up to streamer 3, 12 bring both up to streamer 1, 14 spread over all.
        assertThat(live).extracting(LiveStreamer::load).allSatisfy(load -> assertThat(load)
                .isBetween(14L, 15L));
        assertThat(sent[1]).isBetween(4, 5);
        assertThat(sent[2]).isBetween(14, 15);
    }

    @Test
    void anInRegionStreamerWinsOverALessLoadedOneElsewhereButNotOverNothing() {
        LiveStreamer eu = streamer(1, StreamerState.ACTIVE, "eu", 50);
        LiveStreamer us = streamer(2, StreamerState.ACTIVE, "us", 0);
        List<LiveStreamer> live = List.of(eu, us);
        assertThat(StreamerSelector.choose(live, "eu", 1, StreamerSelector.NONE, clock.millis()))
                .isSameAs(eu);
        assertThat(StreamerSelector.choose(live, "us", 1, StreamerSelector.NONE, clock.millis()))
                .isSameAs(us);
        assertThat(StreamerSelector.choose(live, null, 1, StreamerSelector.NONE, clock.millis()))
                .isSameAs(us);
        assertThat(StreamerSelector.choose(live, "ap", 1, StreamerSelector.NONE, clock.millis()))
                .isSameAs(us);
        health.failed(1, "down");
        assertThat(StreamerSelector.choose(live, "eu", 1, StreamerSelector.NONE, clock.millis()))
                .isSameAs(us);
    }

    @Test
    void drainingStreamersServeOnlyWhenNoActiveOneCanAndDisabledOnesNever() {
        LiveStreamer active = streamer(1, StreamerState.ACTIVE, null, 100);
        LiveStreamer draining = streamer(2, StreamerState.DRAINING, null, 0);
        LiveStreamer disabled = streamer(3, StreamerState.DISABLED, null, 0);
        List<LiveStreamer> live = List.of(active, draining, disabled);
        assertThat(StreamerSelector.choose(live, null, 1, StreamerSelector.NONE, clock.millis()))
                .isSameAs(active);
        assertThat(StreamerSelector.choose(live, null, 1, 1, clock.millis())).isSameAs(draining);
        assertThat(StreamerSelector.choose(List.of(disabled), null, 1, StreamerSelector.NONE, clock.millis()))
                .isNull();
    }

    @Test
    void tiesSpreadOverSessions() {
        List<LiveStreamer> live = List.of(
                streamer(1, StreamerState.ACTIVE, null, 2),
                streamer(2, StreamerState.ACTIVE, null, 2),
                streamer(3, StreamerState.ACTIVE, null, 2));
        Set<Long> chosen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            chosen.add(StreamerSelector.choose(live, null, ("s" + i).hashCode(), StreamerSelector.NONE, 0)
                    .streamerId());
        }
        assertThat(chosen).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    // --- generators and helpers ---

    @Provide
    Arbitrary<List<Spec>> streamers() {
        Arbitrary<Spec> spec = Combinators.combine(
                        Arbitraries.longs().between(1, 8),
                        Arbitraries.of(StreamerState.class),
                        regions(),
                        Arbitraries.longs().between(0, 4),
                        Arbitraries.integers().between(0, 4).map(i -> i == 0))
                .as(Spec::new);
        return spec.list().ofMaxSize(8).uniqueElements(Spec::id);
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of("eu", "us").injectNull(0.3);
    }

    @Provide
    Arbitrary<String> sessions() {
        return Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyz0123456789-_")
                .ofMinLength(1)
                .ofMaxLength(16);
    }

    private LiveStreamer streamer(long id, StreamerState state, String region, long load) {
        return new LiveStreamer(id, "http://s" + id, region, state, load, health.of(id));
    }

    private static List<LiveStreamer> build(List<Spec> specs, StreamerHealth health) {
        List<LiveStreamer> live = new ArrayList<>();
        for (Spec spec : specs) {
            if (spec.ejected()) {
                health.failed(spec.id(), "generated");
            }
            live.add(new LiveStreamer(
                    spec.id(), "http://s" + spec.id(), spec.region(), spec.state(), spec.load(), health.of(spec.id())));
        }
        return live;
    }

    private static Spec specOf(List<Spec> specs, long id) {
        return specs.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    private static int tier(Spec spec, String region) {
        int tier = spec.state() == StreamerState.ACTIVE ? 0 : 2;
        return region == null || region.equals(spec.region()) ? tier : tier + 1;
    }

    /** Health that may eject any of streamers 1 to 8, so generated ejections are never refused by the cap. */
    private StreamerHealth health() {
        StreamerHealth made = new StreamerHealth(
                new EjectionProperties(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(30), 100),
                clock,
                new SimpleMeterRegistry());
        made.retain(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L));
        return made;
    }
}
