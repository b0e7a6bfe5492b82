package io.streamgate.plugins.driver.flussonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.driver.UsageCounters;
import io.streamgate.plugin.api.driver.UsageCounters.Counter;
import io.streamgate.plugins.driver.flussonic.PrometheusText.Sample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exposition parser and the counters read from it: what is accepted exactly, and what is refused. */
class StreamerMetricsTests {

    private static final String SESSION_LINE =
            "streamer_collection_session_start_milliseconds{session_id=\"1763793600123-9f8e7d6c\"} 1763793600123\n";

    @Test
    void theContractsExampleIsRead() {
        String text = "# TYPE streamer_collection_session_start_milliseconds gauge\n"
                + SESSION_LINE
                + "# TYPE streamer_stream_bytes_out_total counter\n"
                + "streamer_stream_bytes_out_total{stream=\"1_live\"} 123456\n"
                + "# TYPE streamer_stream_bytes_in_total counter\n"
                + "streamer_stream_bytes_in_total{stream=\"1_live\"} 0\n";

        assertThat(StreamerMetrics.parse(text))
                .isEqualTo(new UsageCounters(
                        "1763793600123-9f8e7d6c",
                        Instant.ofEpochMilli(1763793600123L),
                        List.of(new Counter("1_live", "bytes_out", 123456), new Counter("1_live", "bytes_in", 0))));
    }

    @Test
    void otherSeriesCommentsBlankLinesAndTimestampsAreTolerated() {
        String text = "# HELP process_cpu_seconds_total CPU\n"
                + "process_cpu_seconds_total 12.47\n"
                + "\n"
                + "go_gc_duration_seconds{quantile=\"0.5\"} NaN\n"
                + "  " + SESSION_LINE
                + "streamer_stream_bytes_out_total{stream=\"a\",region=\"eu\",} 7 1763793600999\n"
                + "streamer_stream_bytes_out_total { stream = \"b\" }\t8\t\n";

        assertThat(StreamerMetrics.parse(text).counters())
                .containsExactly(new Counter("a", "bytes_out", 7), new Counter("b", "bytes_out", 8));
    }

    @Test
    void labelValuesAreUnescaped() {
        List<Sample> samples =
                PrometheusText.parse("m{a=\"q\\\"uote\",b=\"back\\\\slash\",c=\"line\\nfeed\",d=\"{},=\"} 1\n");

        assertThat(samples.get(0).labels())
                .containsExactly(
                        Map.entry("a", "q\"uote"),
                        Map.entry("b", "back\\slash"),
                        Map.entry("c", "line\nfeed"),
                        Map.entry("d", "{},="));
    }

    @Test
    void exactWholeNumbersAreAcceptedInEveryWrittenForm() {
        assertThat(count("0")).isZero();
        assertThat(count("123456")).isEqualTo(123456);
        assertThat(count("+42")).isEqualTo(42);
        assertThat(count("123456.0")).isEqualTo(123456);
        assertThat(count("123456.")).isEqualTo(123456);
        assertThat(count("1.5e3")).isEqualTo(1500);
        assertThat(count("1.23456E+5")).isEqualTo(123456);
        assertThat(count("0.0")).isZero();
        assertThat(count("0e5")).isZero();
        assertThat(count("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void valuesThatAreNotExactNonNegativeWholeNumbersAreRefused() {
        for (String bad : List.of(
                "NaN",
                "+Inf",
                "-Inf",
                "1.5",
                "1.25e1",
                "-1",
                "-0",
                "9223372036854775808",
                "1e19",
                "1e999999999",
                "1e-3")) {
            assertThatThrownBy(() -> count(bad))
                    .as(bad)
                    .isInstanceOf(MalformedAnswerException.class)
                    .hasMessageContaining("expected: an exact whole number");
        }
    }

    @Test
    void aSessionIsRequiredAndUnique() {
        assertThatThrownBy(() -> StreamerMetrics.parse("streamer_stream_bytes_out_total{stream=\"a\"} 1\n"))
                .isInstanceOf(MalformedAnswerException.class)
                .hasMessageContaining("no streamer_collection_session_start_milliseconds line");
        assertThatThrownBy(() -> StreamerMetrics.parse(SESSION_LINE + SESSION_LINE))
                .hasMessageContaining("more than one");
        assertThatThrownBy(() -> StreamerMetrics.parse("streamer_collection_session_start_milliseconds 1\n"))
                .hasMessageContaining("no session_id label");
        assertThatThrownBy(() -> StreamerMetrics.parse("")).isInstanceOf(MalformedAnswerException.class);
    }

    @Test
    void aCounterNeedsItsStreamOnce() {
        assertThatThrownBy(() -> StreamerMetrics.parse(SESSION_LINE + "streamer_stream_bytes_in_total 1\n"))
                .hasMessageContaining("without a stream label");
        assertThatThrownBy(() -> StreamerMetrics.parse(SESSION_LINE
                        + "streamer_stream_bytes_in_total{stream=\"a\"} 1\n"
                        + "streamer_stream_bytes_in_total{stream=\"a\"} 2\n"))
                .hasMessageContaining("more than once");
    }

    @Test
    void aCutOffOrGarbledTextIsRefused() {
        for (String bad : List.of(
                SESSION_LINE + "streamer_stream_bytes_out_total{stream=\"a\"} 12",
                SESSION_LINE + "streamer_stream_bytes_out_total{stream=\"a\"}\n",
                SESSION_LINE + "streamer_stream_bytes_out_total{stream=\"a\" 1\n",
                SESSION_LINE + "streamer_stream_bytes_out_total{stream=\"a} 1\n",
                SESSION_LINE + "streamer_stream_bytes_out_total{stream=a} 1\n",
                SESSION_LINE + "streamer_stream_bytes_out_total{stream=\"a\\t\"} 1\n",
                SESSION_LINE + "streamer_stream_bytes_out_total{stream=\"a\",stream=\"b\"} 1\n",
                SESSION_LINE + "streamer_stream_bytes_out_total{stream=\"a\"} 1 2 3\n",
                SESSION_LINE + "streamer_stream_bytes_out_total{stream=\"a\"} 1 1.5\n",
                SESSION_LINE + "streamer_stream_bytes_out_total{stream=\"a\"} one\n",
                SESSION_LINE + "streamer_stream_bytes_out_total{stream=\"a\"}1\n",
                SESSION_LINE + "9streamer 1\n",
                SESSION_LINE + "streamer_stream_bytes_out_total{stream=\"a\"} 1\r\n")) {
            assertThatThrownBy(() -> StreamerMetrics.parse(bad))
                    .as(bad)
                    .isInstanceOf(MalformedAnswerException.class)
                    .hasMessageStartingWith("metrics");
        }
    }

    private static long count(String value) {
        return PrometheusText.exactCount(
                PrometheusText.parse("m " + value + "\n").get(0));
    }
}
