package io.streamgate.domain.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SnowflakeIdGeneratorTests {

    private final AtomicLong millis =
            new AtomicLong(Instant.parse("2026-11-22T00:00:00Z").toEpochMilli());
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    };

    @Test
    void idsGrowStrictlyAndCarryTheirTime() {
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(7, clock);
        long previous = 0;
        for (int i = 0; i < 10_000; i++) {
            if (i % 1000 == 0) {
                millis.incrementAndGet();
            }
            long id = generator.next();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
        assertThat(SnowflakeIdGenerator.timestampOf(previous)).isAfterOrEqualTo(Instant.ofEpochMilli(millis.get()));
    }

    @Test
    void neverReusesAnIdWhenTheClockStepsBack() {
        SnowflakeIdGenerator generator = new SnowflakeIdGenerator(1, clock);
        Set<Long> seen = new HashSet<>();
        long previous = 0;
        for (int i = 0; i < 20_000; i++) {
            if (i == 5_000) {
                millis.addAndGet(-60_000);
            }
            long id = generator.next();
            assertThat(seen.add(id)).isTrue();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
    }

    @Test
    void differentNodesNeverCollideInTheSameMillisecond() {
        Set<Long> seen = new HashSet<>();
        for (int node = 0; node < 4; node++) {
            SnowflakeIdGenerator generator = new SnowflakeIdGenerator(node, clock);
            for (int i = 0; i < 100; i++) {
                assertThat(seen.add(generator.next())).isTrue();
            }
        }
    }

    @Test
    void rejectsNodeIdsOutOfRange() {
        assertThatThrownBy(() -> new SnowflakeIdGenerator(1024, clock)).hasMessageContaining("expected: 0..1023");
        assertThatThrownBy(() -> new SnowflakeIdGenerator(-1, clock)).hasMessageContaining("node: -1");
    }
}
