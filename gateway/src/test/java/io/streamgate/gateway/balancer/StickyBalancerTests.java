package io.streamgate.gateway.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import io.streamgate.gateway.MutableClock;
import io.streamgate.gateway.live.EjectionProperties;
import io.streamgate.gateway.live.LiveStreamer;
import io.streamgate.gateway.live.StreamerHealth;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StickyBalancerTests {

    private static final String VIEWER = "Xk3v9QpL0aZt7wRe";

    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StreamerHealth health = health();
    private final StickyBalancer balancer = new StickyBalancer(clock, meters);

    @Test
    void aReturningSessionStaysOnItsStreamerWhileAnotherBecomesLessLoaded() {
        LiveStreamer first = balancer.choose(
                poll(streamer(1, StreamerState.ACTIVE, 0), streamer(2, StreamerState.ACTIVE, 5)),
                VIEWER,
                StickyBalancer.NONE,
                null,
                StickyBalancer.NONE);
        assertThat(first.streamerId()).isEqualTo(1);
        assertThat(first.assigned()).isEqualTo(1);

        List<LiveStreamer> nextPoll = poll(streamer(1, StreamerState.ACTIVE, 90), streamer(2, StreamerState.ACTIVE, 0));
        LiveStreamer again = balancer.choose(nextPoll, VIEWER, first.streamerId(), null, StickyBalancer.NONE);
        assertThat(again.streamerId()).isEqualTo(1);
        // Staying is not a new session: it does not add to the streamer's load.
        assertThat(again.assigned()).isZero();
        assertThat(meters.counter("streamgate.gateway.balancer.sessions.moved").count())
                .isZero();
    }

    @Test
    void aReturningSessionMovesWhenItsStreamerIsEjectedDrainingOrGone() {
        health.failed(1, "refused");
        List<LiveStreamer> ejected = poll(streamer(1, StreamerState.ACTIVE, 0), streamer(2, StreamerState.ACTIVE, 5));
        assertThat(balancer.choose(ejected, VIEWER, 1, null, StickyBalancer.NONE)
                        .streamerId())
                .isEqualTo(2);

        List<LiveStreamer> draining = poll(
                streamer(2, StreamerState.DRAINING, 0),
                streamer(3, StreamerState.ACTIVE, 50),
                streamer(4, StreamerState.ACTIVE, 70));
        assertThat(balancer.choose(draining, VIEWER, 2, null, StickyBalancer.NONE)
                        .streamerId())
                .isEqualTo(3);

        List<LiveStreamer> gone = poll(streamer(4, StreamerState.ACTIVE, 70));
        assertThat(balancer.choose(gone, VIEWER, 3, null, StickyBalancer.NONE).streamerId())
                .isEqualTo(4);
        assertThat(meters.counter("streamgate.gateway.balancer.sessions.moved").count())
                .isEqualTo(3);
    }

    @Test
    void aSessionOnADrainingStreamerStaysWhenNoActiveOneHasTheStream() {
        List<LiveStreamer> stillDraining =
                poll(streamer(1, StreamerState.DRAINING, 100), streamer(2, StreamerState.DRAINING, 0));
        assertThat(balancer.choose(stillDraining, VIEWER, 1, null, StickyBalancer.NONE)
                        .streamerId())
                .isEqualTo(1);
    }

    @Test
    void theStreamerThatJustFailedTheRequestIsLeftEvenIfNotEjected() {
        List<LiveStreamer> live = poll(streamer(1, StreamerState.ACTIVE, 0), streamer(2, StreamerState.ACTIVE, 5));
        assertThat(balancer.choose(live, VIEWER, 1, null, 1).streamerId()).isEqualTo(2);
        assertThat(balancer.choose(List.of(live.get(0)), "other", StickyBalancer.NONE, null, 1))
                .isNull();
    }

    @Test
    void aSessionPlacedOnAStreamerThatIsNotLiveIsPlacedAnewAndCountsAsNew() {
        LiveStreamer placed = balancer.choose(
                poll(streamer(1, StreamerState.ACTIVE, 9), streamer(2, StreamerState.ACTIVE, 0)),
                VIEWER,
                7,
                null,
                StickyBalancer.NONE);
        assertThat(placed.streamerId()).isEqualTo(2);
        assertThat(placed.assigned()).isEqualTo(1);
    }

    private LiveStreamer streamer(long id, StreamerState state, long clients) {
        return new LiveStreamer(id, "http://s" + id, null, state, clients, health.of(id));
    }

    private static List<LiveStreamer> poll(LiveStreamer... streamers) {
        return List.of(streamers);
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
