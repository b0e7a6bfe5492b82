package io.streamgate.plugins.driver.nginxrtmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.plugin.api.driver.UsageCounters;
import io.streamgate.plugin.api.driver.UsageCounters.Counter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sessions stay put across polls, and counters stay monotonic when nginx-rtmp starts a stream's counts again. */
class CollectionSessionsTests {

    private static final Instant T0 = Instant.parse("2026-11-22T06:00:00Z");

    private final CollectionSessions sessions =
            CollectionSessions.of(UUID.randomUUID().toString());

    @Test
    void theSessionIsThePidAndTheWorkersStart() {
        UsageCounters counters = sessions.counters(stat(42, 100), T0);

        assertThat(counters.sessionId()).isEqualTo("nginx-42-" + (T0.getEpochSecond() - 100));
        assertThat(counters.sessionStart()).isEqualTo(T0.minusSeconds(100));
        assertThat(counters.counters()).isEmpty();
    }

    @Test
    void uptimeRoundingWithinTwoSecondsKeepsTheSession() {
        UsageCounters first = sessions.counters(stat(42, 100), T0);

        // The next polls compute starts one second later, two earlier, two later: all the same session.
        assertThat(sessions.counters(stat(42, 109), T0.plusSeconds(10)).sessionId())
                .isEqualTo(first.sessionId());
        assertThat(sessions.counters(stat(42, 112), T0.plusSeconds(10)).sessionId())
                .isEqualTo(first.sessionId());
        assertThat(sessions.counters(stat(42, 108), T0.plusSeconds(10)).sessionId())
                .isEqualTo(first.sessionId());
        assertThat(sessions.counters(stat(42, 108), T0.plusSeconds(10)).sessionStart())
                .isEqualTo(first.sessionStart());
    }

    @Test
    void anotherPidOrAStartFurtherAwayIsANewSession() {
        String first = sessions.counters(stat(42, 100), T0).sessionId();

        String restarted = sessions.counters(stat(42, 5), T0.plusSeconds(10)).sessionId();
        String reloaded = sessions.counters(stat(43, 5), T0.plusSeconds(10)).sessionId();

        assertThat(restarted).isNotEqualTo(first);
        assertThat(reloaded).isNotEqualTo(restarted).startsWith("nginx-43-");
    }

    @Test
    void countersGrowWithTheStream() {
        sessions.counters(stat(42, 100, stream("a", 5_000, 10, 1)), T0);

        assertThat(sessions.counters(stat(42, 101, stream("a", 6_000, 25, 3)), T0.plusSeconds(1))
                        .counters())
                .containsExactly(new Counter("a", "bytes_in", 25), new Counter("a", "bytes_out", 3));
    }

    @Test
    void aStreamThatStartsAgainKeepsCountingUpwards() {
        sessions.counters(stat(42, 100, stream("a", 50_000, 1_000, 400)), T0);

        // A new stream object 10 s later: younger than the old one could be, even though its counts are higher.
        UsageCounters again = sessions.counters(stat(42, 110, stream("a", 1_000, 2_000, 500)), T0.plusSeconds(10));
        // And another one whose counts went down.
        UsageCounters third = sessions.counters(stat(42, 111, stream("a", 60_000, 100, 0)), T0.plusSeconds(11));

        assertThat(again.counters())
                .containsExactly(new Counter("a", "bytes_in", 3_000), new Counter("a", "bytes_out", 900));
        assertThat(third.counters())
                .containsExactly(new Counter("a", "bytes_in", 3_100), new Counter("a", "bytes_out", 900));
    }

    @Test
    void aStreamThatLeftIsStillReportedAtWhatItReached() {
        sessions.counters(stat(42, 100, stream("a", 5_000, 10, 1), stream("b", 5_000, 7, 7)), T0);

        assertThat(sessions.counters(stat(42, 101, stream("b", 6_000, 8, 8)), T0.plusSeconds(1))
                        .counters())
                .containsExactly(
                        new Counter("a", "bytes_in", 10),
                        new Counter("a", "bytes_out", 1),
                        new Counter("b", "bytes_in", 8),
                        new Counter("b", "bytes_out", 8));
    }

    @Test
    void aNewSessionForgetsTheOldCounts() {
        sessions.counters(stat(42, 100, stream("a", 5_000, 10, 1)), T0);

        assertThat(sessions.counters(stat(43, 1, stream("a", 500, 3, 0)), T0.plusSeconds(1))
                        .counters())
                .containsExactly(new Counter("a", "bytes_in", 3), new Counter("a", "bytes_out", 0));
    }

    @Test
    void driversOfTheSameStreamerShareTheMemory() {
        String key = UUID.randomUUID().toString();
        CollectionSessions.of(key).counters(stat(42, 100, stream("a", 50_000, 1_000, 0)), T0);

        UsageCounters later =
                CollectionSessions.of(key).counters(stat(42, 110, stream("a", 1_000, 5, 0)), T0.plusSeconds(10));

        assertThat(later.counters()).contains(new Counter("a", "bytes_in", 1_005));
    }

    private static RtmpStat stat(long pid, long uptime, RtmpStat.Stream... streams) {
        return new RtmpStat(pid, uptime, List.of(streams));
    }

    private static RtmpStat.Stream stream(String name, long timeMillis, long in, long out) {
        return new RtmpStat.Stream(name, timeMillis, in, out, 0, 0, 1, true, true);
    }
}
