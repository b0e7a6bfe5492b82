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
        ingest.received("pushed");
        clock.advance(Duration.ofMinutes(5));

        assertThat(liveness.isAlive(pushed)).isTrue();
        assertThat(liveness.isPublishing(pushed)).isTrue();
        assertThat(liveness.isPushed(pushed)).isTrue();
    }

    @Test
    void lingersForThreeSecondsAfterTheUploadEnds() {
        ingest.opened("pushed");
        ingest.received("pushed");
        ingest.closed("pushed");

        clock.advance(IngestActivity.LINGER);
        assertThat(liveness.isAlive(pushed)).isTrue();
        assertThat(liveness.isPushed(pushed)).isTrue();
        assertThat(liveness.isPublishing(pushed))
                .as("no upload is open during the linger")
                .isFalse();

        clock.advance(Duration.ofMillis(1));
        assertThat(liveness.isAlive(pushed)).isFalse();
        assertThat(liveness.isPushed(pushed)).isFalse();
    }

    @Test
    void publishingCountsOpenUploadsOnly() {
        ingest.opened("pushed");
        ingest.opened("pushed");
        ingest.closed("pushed");
        assertThat(liveness.isPublishing(pushed)).isTrue();

        ingest.closed("pushed");
        assertThat(liveness.isPublishing(pushed)).isFalse();
    }

    @Test
    void aFakeStreamIsNeitherPublishingNorPushedEvenIfSomethingUploadsToItsName() {
        StreamDefinition fake = new StreamDefinition("pushed", List.of(new InputDefinition("fake://x")));
        ingest.opened("pushed");

        assertThat(liveness.isPublishing(fake)).isFalse();
        assertThat(liveness.isPushed(fake)).isFalse();
    }

    @Test
    void otherInputsAreNeverAliveInTheSimulator() {
        assertThat(liveness.isAlive(new StreamDefinition("r", List.of(new InputDefinition("rtmp://o/a")))))
                .isFalse();
    }
}
