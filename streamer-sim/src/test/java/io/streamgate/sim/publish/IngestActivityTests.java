package io.streamgate.sim.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.sim.config.InputDefinition;
import io.streamgate.sim.config.StreamDefinition;
import io.streamgate.sim.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestActivityTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final IngestActivity ingest = new IngestActivity(clock);
    private final Liveness liveness = new Liveness(ingest);
    private final StreamDefinition pushed = new StreamDefinition("pushed", List.of(new InputDefinition("publish://")));

    @Test
    void aFakeStreamIsAliveAtOnce() {
        assertThat(liveness.isAlive(new StreamDefinition("f", List.of(new InputDefinition("fake://x")))))
                .isTrue();
    }

    @Test
    void aPublishedStreamIsDeadUntilSomethingPushes() {
        assertThat(liveness.isAlive(pushed)).isFalse();

        ingest.opened("pushed");

        assertThat(liveness.isAlive(pushed)).isTrue();
    }

    @Test
    void staysAliveWhileTheUploadIsOpenEvenWhenItStalls() {
        ingest.opened("pushed");
        ingest.received("pushed", 1000);
        clock.advance(Duration.ofMinutes(5));

        assertThat(liveness.isAlive(pushed)).isTrue();
        assertThat(ingest.bytesReceived("pushed")).isEqualTo(1000);
    }

    @Test
    void lingersForThreeSecondsAfterTheUploadEnds() {
        ingest.opened("pushed");
        ingest.received("pushed", 188);
        ingest.closed("pushed");

        clock.advance(IngestActivity.LINGER);
        assertThat(liveness.isAlive(pushed)).isTrue();

        clock.advance(Duration.ofMillis(1));
        assertThat(liveness.isAlive(pushed)).isFalse();
    }

    @Test
    void otherInputsAreNeverAliveInTheSimulator() {
        assertThat(liveness.isAlive(new StreamDefinition("r", List.of(new InputDefinition("rtmp://o/a")))))
                .isFalse();
    }
}
