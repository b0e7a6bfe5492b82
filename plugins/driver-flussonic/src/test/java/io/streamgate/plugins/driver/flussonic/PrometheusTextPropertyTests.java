package io.streamgate.plugins.driver.flussonic;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.plugin.api.driver.UsageCounters;
import io.streamgate.plugin.api.driver.UsageCounters.Counter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated counters, written out the ways exporters write them (escaped label values, extra labels, integer, zero
 * fraction and exponent forms, timestamps, comments, other series, any order), read back exactly.
 */
class PrometheusTextPropertyTests {

    record Generated(UsageCounters counters, long seed) {}

    @Property(tries = 500)
    void writtenCountersReadBackExactly(@ForAll("generated") Generated generated) {
        String text = render(generated.counters(), new Random(generated.seed()));

        UsageCounters parsed = StreamerMetrics.parse(text);

        assertThat(parsed.sessionId()).isEqualTo(generated.counters().sessionId());
        assertThat(parsed.sessionStart()).isEqualTo(generated.counters().sessionStart());
        assertThat(parsed.counters())
                .containsExactlyInAnyOrderElementsOf(generated.counters().counters());
    }

    @Property(tries = 300)
    void anyLabelValueSurvivesEscaping(@ForAll("labelValues") String value) {
        String text = "m{v=\"" + escape(value) + "\"} 1\n";

        assertThat(PrometheusText.parse(text).get(0).labels()).containsExactly(Map.entry("v", value));
    }

    @Provide
    Arbitrary<String> labelValues() {
        return Arbitraries.strings()
                .withChars("ab\"\\\n{}=, \t#é☃")
                .ofMaxLength(30)
                .injectDuplicates(0.1);
    }

    @Provide
    Arbitrary<Generated> generated() {
        Arbitrary<String> stream = labelValues().filter(s -> !s.isEmpty());
        Arbitrary<Long> value = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.of(0L, Long.MAX_VALUE));
        Arbitrary<Counter> counter = Combinators.combine(stream, Arbitraries.of("bytes_in", "bytes_out"), value)
                .as(Counter::new);
        Arbitrary<List<Counter>> counters =
                counter.list().ofMaxSize(20).uniqueElements(c -> c.stream() + "\n" + c.series());
        Arbitrary<String> sessionId = labelValues().filter(s -> !s.isBlank());
        Arbitrary<Long> start = Arbitraries.longs().between(0, 4_102_444_800_000L);
        return Combinators.combine(sessionId, start, counters, Arbitraries.longs())
                .as((id, ms, list, seed) -> new Generated(new UsageCounters(id, Instant.ofEpochMilli(ms), list), seed));
    }

    private static String render(UsageCounters counters, Random random) {
        List<String> lines = new ArrayList<>();
        lines.add(sample(
                "streamer_collection_session_start_milliseconds",
                Map.of("session_id", counters.sessionId()),
                counters.sessionStart().toEpochMilli(),
                random));
        for (Counter counter : counters.counters()) {
            Map<String, String> labels = new LinkedHashMap<>();
            if (random.nextBoolean()) {
                labels.put("region", "eu\"1\"");
            }
            labels.put("stream", counter.stream());
            if (random.nextBoolean()) {
                labels.put("kind", "live\\n");
            }
            lines.add(sample("streamer_stream_" + counter.series() + "_total", labels, counter.value(), random));
        }
        int others = random.nextInt(4);
        for (int i = 0; i < others; i++) {
            lines.add("process_cpu_seconds_total{i=\"" + i + "\"} " + (random.nextBoolean() ? "NaN" : "1.25e-3"));
        }
        Collections.shuffle(lines, random);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (random.nextInt(4) == 0) {
                // Every generated line has labels, so the metric name ends at '{'.
                text.append("# TYPE ").append(line, 0, line.indexOf('{')).append(" counter\n");
            }
            if (random.nextInt(8) == 0) {
                text.append('\n');
            }
            text.append(line).append('\n');
        }
        return text.toString();
    }

    private static String sample(String name, Map<String, String> labels, long value, Random random) {
        StringBuilder line = new StringBuilder(name).append('{');
        labels.forEach((label, text) ->
                line.append(label).append("=\"").append(escape(text)).append("\","));
        if (random.nextBoolean()) {
            line.setLength(line.length() - 1);
        }
        line.append("} ").append(number(value, random));
        if (random.nextInt(3) == 0) {
            line.append(' ').append(random.nextLong() >>> 20);
        }
        return line.toString();
    }

    /** Integer, zero fraction (Java clients) or exponent form (Go clients above 1e21): all exact. */
    private static String number(long value, Random random) {
        switch (random.nextInt(3)) {
            case 0:
                return Long.toString(value);
            case 1:
                return value + ".0";
            default:
                return scientific(value);
        }
    }

    private static String scientific(long value) {
        if (value == 0) {
            return "0e0";
        }
        String digits = Long.toString(value);
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e+" + (digits.length() - 1);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
