package io.streamgate.sim.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.sim.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class StreamCountersTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final StreamCounters counters = new StreamCounters(clock);

    @Test
    void aStreamNothingWasCountedForReadsZeroAndIsNotListed() {
        assertThat(counters.usage("1_live")).isEqualTo(new StreamUsage("1_live", 0, 0, 0, 0));
        assertThat(counters.all()).isEmpty();
    }

    @Test
    void aTrackedStreamIsListedAtZero() {
        counters.track("1_live");

        assertThat(counters.all()).containsExactly(new StreamUsage("1_live", 0, 0, 0, 0));
    }

    @Test
    void countsEachDirectionExactlyAndSeparately() {
        counters.sent("1_live", 188);
        counters.sent("1_live", 1000);
        counters.received("1_live", 7);
        counters.sent("2_other", 5);

        assertThat(counters.usage("1_live").bytesOut()).isEqualTo(1188);
        assertThat(counters.usage("1_live").bytesIn()).isEqualTo(7);
        assertThat(counters.all())
                .extracting(StreamUsage::stream, StreamUsage::bytesIn, StreamUsage::bytesOut)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1_live", 7L, 1188L),
                        org.assertj.core.groups.Tuple.tuple("2_other", 0L, 5L));
    }

    @Test
    void ratesComeFromTheSameCountsOverTheLastFiveSeconds() {
        counters.sent("1_live", 500_000);
        counters.received("1_live", 100_000);
        clock.advance(Duration.ofSeconds(1));

        StreamUsage usage = counters.usage("1_live");
        assertThat(usage.outputKbps()).isEqualTo(500_000 * 8 / 5_000);
        assertThat(usage.inputKbps()).isEqualTo(100_000 * 8 / 5_000);

        clock.advance(Duration.ofSeconds(5));
        assertThat(counters.usage("1_live")).isEqualTo(new StreamUsage("1_live", 100_000, 500_000, 0, 0));
    }

    @Test
    void zeroBytesCountNothingAndNegativeOnesAreRefused() {
        counters.sent("1_live", 0);
        counters.received("1_live", 0);

        assertThat(counters.all()).isEmpty();
        assertThatThrownBy(() -> counters.sent("1_live", -1)).hasMessageContaining("expected: >= 0");
        assertThatThrownBy(() -> counters.received("1_live", -1)).hasMessageContaining("expected: >= 0");
        assertThatThrownBy(() -> counters.track(null)).hasMessageContaining("stream: null");
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        int threads = 4;
        int rounds = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        counters.sent("1_live", 3);
                        counters.received("1_live", 1);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(counters.usage("1_live").bytesOut()).isEqualTo(3L * threads * rounds);
        assertThat(counters.usage("1_live").bytesIn()).isEqualTo((long) threads * rounds);
    }

    /** One thing that can happen to the counters. */
    record Step(String stream, boolean out, long bytes, long advanceMillis) {}

    @Property(tries = 200)
    void totalsAreTheExactSumsAndNeverGoDown(@ForAll("steps") List<Step> steps) {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        StreamCounters counters = new StreamCounters(clock);
        Map<String, long[]> expected = new HashMap<>();
        Map<String, StreamUsage> previous = new HashMap<>();
        for (Step step : steps) {
            clock.advance(Duration.ofMillis(step.advanceMillis()));
            if (step.out()) {
                counters.sent(step.stream(), step.bytes());
            } else {
                counters.received(step.stream(), step.bytes());
            }
            if (step.bytes() > 0) {
                expected.computeIfAbsent(step.stream(), s -> new long[2])[step.out() ? 1 : 0] += step.bytes();
            }
            for (StreamUsage usage : counters.all()) {
                StreamUsage before = previous.put(usage.stream(), usage);
                if (before != null) {
                    assertThat(usage.bytesIn()).isGreaterThanOrEqualTo(before.bytesIn());
                    assertThat(usage.bytesOut()).isGreaterThanOrEqualTo(before.bytesOut());
                }
            }
            assertThat(previous.keySet()).isEqualTo(expected.keySet());
        }
        for (var entry : expected.entrySet()) {
            StreamUsage usage = counters.usage(entry.getKey());
            assertThat(usage.bytesIn()).isEqualTo(entry.getValue()[0]);
            assertThat(usage.bytesOut()).isEqualTo(entry.getValue()[1]);
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.of("1_a", "1_b", "2_c"),
                        Arbitraries.of(true, false),
                        Arbitraries.longs().between(0, 1L << 40),
                        Arbitraries.longs().between(0, 3_000))
                .as(Step::new);
        return step.list().ofMaxSize(40);
    }
}
