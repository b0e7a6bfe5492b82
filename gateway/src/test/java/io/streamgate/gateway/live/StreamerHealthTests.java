package io.streamgate.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamgate.gateway.MutableClock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamerHealthTests {

    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StreamerHealth health = new StreamerHealth(EjectionProperties.defaults(), clock, meters);

    @BeforeEach
    void eightStreamers() {
        health.retain(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L));
    }

    @Test
    void aStreamerNeverFailedIsNotEjected() {
        assertThat(health.ejected(1)).isFalse();
        assertThat(health.of(1).ejected()).isFalse();
        assertThat(health.of(1).recentEjections()).isZero();
    }

    @Test
    void aFailureEjectsForTheBaseTime() {
        assertThat(health.failed(1, "refused")).isTrue();
        assertThat(health.ejected(1)).isTrue();
        assertThat(health.ejected(2)).isFalse();
        clock.advance(Duration.ofMillis(1999));
        assertThat(health.ejected(1)).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(health.ejected(1)).isFalse();
        assertThat(meters.counter("streamgate.gateway.ejection.ejections").count())
                .isEqualTo(1);
    }

    @Test
    void failuresWhileEjectedExtendNothing() {
        health.failed(1, "first");
        long until = health.of(1).ejectedUntilMillis();
        clock.advance(Duration.ofMillis(500));
        assertThat(health.failed(1, "a request already under way")).isFalse();
        assertThat(health.of(1).ejectedUntilMillis()).isEqualTo(until);
        assertThat(health.of(1).recentEjections()).isEqualTo(1);
    }

    @Test
    void ejectionsInARowDoubleUpToTheCap() {
        long[] expectedSeconds = {2, 4, 8, 16, 32, 60, 60, 60};
        for (long seconds : expectedSeconds) {
            long now = clock.millis();
            assertThat(health.failed(1, "down")).isTrue();
            assertThat(health.of(1).ejectedUntilMillis() - now).isEqualTo(seconds * 1000);
            // Fails again right when the ejection ends: no health in between, so nothing decays.
            clock.advance(Duration.ofSeconds(seconds));
        }
        assertThat(health.of(1).recentEjections()).isEqualTo(6);
    }

    @Test
    void healthAfterAnEjectionForgetsOneEjectionPerDecayInterval() {
        for (int i = 0; i < 3; i++) {
            health.failed(1, "down");
            clock.advance(Duration.ofMillis(health.of(1).ejectedUntilMillis() - clock.millis()));
        }
        // Three in a row: 2 s, 4 s, 8 s; the ejection just ended.
        assertThat(health.of(1).recentEjections()).isEqualTo(3);
        clock.advance(Duration.ofSeconds(29));
        assertThat(health.of(1).recentEjections()).isEqualTo(3);
        clock.advance(Duration.ofSeconds(1));
        assertThat(health.of(1).recentEjections()).isEqualTo(2);

        // The next failure counts from what is left: the third in a row again, 8 s.
        long now = clock.millis();
        health.failed(1, "down again");
        assertThat(health.of(1).ejectedUntilMillis() - now).isEqualTo(8_000);
    }

    @Test
    void longHealthDecaysBackToAFirstEjection() {
        for (int i = 0; i < 8; i++) {
            health.failed(1, "down");
            clock.advance(Duration.ofMillis(health.of(1).ejectedUntilMillis() - clock.millis()));
        }
        clock.advance(Duration.ofMinutes(3));
        assertThat(health.of(1).recentEjections()).isZero();
        long now = clock.millis();
        health.failed(1, "one hiccup");
        assertThat(health.of(1).ejectedUntilMillis() - now).isEqualTo(2_000);
    }

    @Test
    void streamersThatLeftTheSnapshotAreForgotten() {
        health.failed(1, "down");
        health.failed(2, "down");
        health.retain(Set.of(2L));
        assertThat(health.ejected(1)).isFalse();
        assertThat(health.ejected(2)).isTrue();
    }

    @Test
    void theEjectedGaugeCountsStreamersEjectedNow() {
        health.failed(1, "down");
        health.failed(2, "down");
        assertThat(meters.get("streamgate.gateway.ejection.ejected").gauge().value())
                .isEqualTo(2);
        clock.advance(Duration.ofSeconds(2));
        assertThat(meters.get("streamgate.gateway.ejection.ejected").gauge().value())
                .isZero();
    }

    @Test
    void aBaseAsLongAsTheCapEjectsForTheCapEveryTime() {
        StreamerHealth flat = new StreamerHealth(
                new EjectionProperties(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1), 50),
                clock,
                meters);
        for (int i = 0; i < 3; i++) {
            long now = clock.millis();
            flat.failed(7, "down");
            assertThat(flat.of(7).ejectedUntilMillis() - now).isEqualTo(5_000);
            clock.advance(Duration.ofSeconds(5));
        }
    }

    @Test
    void atMostTheConfiguredShareOfStreamersIsEjectedAtOnce() {
        // 8 streamers, 50 %: four.
        for (long id = 1; id <= 4; id++) {
            assertThat(health.failed(id, "down")).isTrue();
        }
        assertThat(health.failed(5, "down as well")).isFalse();
        assertThat(health.ejected(5)).isFalse();
        assertThat(meters.counter("streamgate.gateway.ejection.refused").count())
                .isEqualTo(1);
        // A refused failure is not remembered as an ejection.
        assertThat(health.of(5).recentEjections()).isZero();

        clock.advance(Duration.ofSeconds(2));
        assertThat(health.failed(5, "still down")).isTrue();
    }

    @Test
    void oneStreamerMayAlwaysBeEjected() {
        StreamerHealth none = new StreamerHealth(
                new EjectionProperties(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(30), 0),
                clock,
                meters);
        none.retain(Set.of(1L, 2L, 3L));
        assertThat(none.failed(1, "down")).isTrue();
        assertThat(none.failed(2, "down")).isFalse();

        StreamerHealth single = new StreamerHealth(EjectionProperties.defaults(), clock, meters);
        single.retain(Set.of(1L));
        assertThat(single.failed(1, "down")).isTrue();
    }

    @Test
    void settingsAreValidated() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new EjectionProperties(Duration.ZERO, second, second, 50))
                .hasMessageContaining("streamgate.gateway.ejection.base");
        assertThatThrownBy(() -> new EjectionProperties(Duration.ofSeconds(2), second, second, 50))
                .hasMessageContaining("streamgate.gateway.ejection.max");
        assertThatThrownBy(() -> new EjectionProperties(second, second, Duration.ZERO, 50))
                .hasMessageContaining("streamgate.gateway.ejection.decay");
        assertThatThrownBy(() -> new EjectionProperties(second, second, second, 101))
                .hasMessageContaining("streamgate.gateway.ejection.max-ejected-percent");
        assertThatThrownBy(() -> new EjectionProperties(second, second, second, -1))
                .hasMessageContaining("streamgate.gateway.ejection.max-ejected-percent");
        assertThat(new EjectionProperties(Duration.ofMillis(1), Duration.ofDays(365), Duration.ofMillis(1), 0))
                .isNotNull();
        assertThat(new EjectionProperties(second, second, second, 100)).isNotNull();
    }
}
