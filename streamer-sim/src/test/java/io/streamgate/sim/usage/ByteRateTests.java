package io.streamgate.sim.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRateTests {

    private static final long T = 1_767_225_600_000L; // a whole second

    private final ByteRate rate = new ByteRate();

    @Test
    void averagesTheLastFiveWholeSeconds() {
        rate.add(T, 10_000);
        rate.add(T + 999, 15_000);
        rate.add(T + 2_500, 25_000);

        // The current second does not count yet.
        assertThat(rate.kbps(T + 500)).isZero();
        // 25 000 B in second T..T+1 s over 5 s: 40 kbit/s.
        assertThat(rate.kbps(T + 1_000)).isEqualTo(25_000 * 8 / 5_000);
        assertThat(rate.kbps(T + 3_000)).isEqualTo(50_000 * 8 / 5_000);
        // The first second is the oldest of the window at T+5 s and gone at T+6 s.
        assertThat(rate.kbps(T + 5_999)).isEqualTo(50_000 * 8 / 5_000);
        assertThat(rate.kbps(T + 6_000)).isEqualTo(25_000 * 8 / 5_000);
        assertThat(rate.kbps(T + 8_000)).isZero();
    }

    @Test
    void aBucketIsReusedForALaterSecondWithoutCarryingItsOldBytes() {
        rate.add(T, 1_000_000);
        // Six seconds later the same bucket (6 buckets) comes round again.
        rate.add(T + 6_000, 5_000);

        assertThat(rate.kbps(T + 7_000)).isEqualTo(5_000 * 8 / 5_000);
    }

    @Test
    void aSteadyStreamReadsAsItsRate() {
        for (int second = 0; second < 20; second++) {
            for (int part = 0; part < 4; part++) {
                // 250 000 B/s = 2000 kbit/s
                rate.add(T + second * 1_000L + part * 250L, 62_500);
            }
            if (second >= 5) {
                assertThat(rate.kbps(T + second * 1_000L + 10)).isEqualTo(2_000);
            }
        }
    }

    @Test
    void bytesFromBeforeAClockStepBackDoNotReadAsFutureRate() {
        rate.add(T + 10_000, 50_000);

        assertThat(rate.kbps(T + 5_000)).isZero();
    }
}
