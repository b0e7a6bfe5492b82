package io.streamgate.sim.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.sim.testing.Exposition;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PrometheusTextTests {

    private static final CollectionSession SESSION =
            new CollectionSession("1763793600123-9f8e7d6c5b4a3210", 1763793600123L);

    @Test
    void rendersTheContractShape() {
        String text = PrometheusText.render(
                SESSION,
                List.of(new StreamUsage("1_live", 0, 123456, 10, 20), new StreamUsage("2_push", 4096, 0, 0, 0)));

        assertThat(text)
                .isEqualTo(
                        """
                        # TYPE streamer_collection_session_start_milliseconds gauge
                        streamer_collection_session_start_milliseconds{session_id="1763793600123-9f8e7d6c5b4a3210"} 1763793600123
                        # TYPE streamer_stream_bytes_out_total counter
                        streamer_stream_bytes_out_total{stream="1_live"} 123456
                        streamer_stream_bytes_out_total{stream="2_push"} 0
                        # TYPE streamer_stream_bytes_in_total counter
                        streamer_stream_bytes_in_total{stream="1_live"} 0
                        streamer_stream_bytes_in_total{stream="2_push"} 4096
                        """);
    }

    @Test
    void withoutStreamsOnlyTheSessionHasASample() {
        Exposition parsed = Exposition.parse(PrometheusText.render(SESSION, List.of()));

        assertThat(parsed.samples()).hasSize(1);
        assertThat(parsed.types())
                .containsEntry(PrometheusText.BYTES_OUT, "counter")
                .containsEntry(PrometheusText.BYTES_IN, "counter");
    }

    @Test
    void escapesBackslashQuoteAndLineFeedOnly() {
        assertThat(PrometheusText.escapeLabelValue("a\\b\"c\nd\te流")).isEqualTo("a\\\\b\\\"c\\nd\te流");
        assertThat(PrometheusText.escapeLabelValue("\\n")).isEqualTo("\\\\n");
        assertThat(PrometheusText.escapeLabelValue("")).isEmpty();
    }

    @Property(tries = 300)
    void everyNameLabelAndValueParsesBackExactly(
            @ForAll("sessions") CollectionSession session, @ForAll("streams") List<StreamUsage> streams) {
        Exposition parsed = Exposition.parse(PrometheusText.render(session, streams));

        assertThat(parsed.types())
                .isEqualTo(Map.of(
                        PrometheusText.SESSION_START, "gauge",
                        PrometheusText.BYTES_OUT, "counter",
                        PrometheusText.BYTES_IN, "counter"));
        assertThat(parsed.samples(PrometheusText.SESSION_START))
                .containsExactly(new Exposition.Sample(
                        PrometheusText.SESSION_START,
                        Map.of("session_id", session.id()),
                        Long.toString(session.startMillis())));
        Map<String, Long> out = new LinkedHashMap<>();
        Map<String, Long> in = new LinkedHashMap<>();
        for (Exposition.Sample sample : parsed.samples()) {
            if (sample.name().equals(PrometheusText.SESSION_START)) {
                continue;
            }
            assertThat(sample.labels()).containsOnlyKeys("stream");
            Map<String, Long> target = sample.name().equals(PrometheusText.BYTES_OUT) ? out : in;
            assertThat(target.put(sample.labels().get("stream"), Long.parseLong(sample.value())))
                    .isNull();
        }
        Map<String, Long> expectedOut = new LinkedHashMap<>();
        Map<String, Long> expectedIn = new LinkedHashMap<>();
        for (StreamUsage stream : streams) {
            expectedOut.put(stream.stream(), stream.bytesOut());
            expectedIn.put(stream.stream(), stream.bytesIn());
        }
        assertThat(out).containsExactlyEntriesOf(expectedOut);
        assertThat(in).containsExactlyEntriesOf(expectedIn);
    }

    @Provide
    Arbitrary<CollectionSession> sessions() {
        return Combinators.combine(Arbitraries.longs().between(0, 4_102_444_800_000L), Arbitraries.longs())
                .as((start, nonce) ->
                        new CollectionSession(start + "-" + HexFormat.of().toHexDigits(nonce), start));
    }

    /** Any text as names, with the characters that need escaping made likely; distinct, as the counters keep them. */
    @Provide
    Arbitrary<List<StreamUsage>> streams() {
        Arbitrary<String> name = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings()
                        .withChars('\\', '"', '\n', 'n', '{', '}', ',', '=', ' ', '#', 'é', '流')
                        .alpha()
                        .ofMaxLength(20));
        Arbitrary<Long> count = Arbitraries.longs().between(0, Long.MAX_VALUE);
        return Combinators.combine(name, count, count)
                .as((stream, in, out) -> new StreamUsage(stream, in, out, 0, 0))
                .list()
                .ofMaxSize(12)
                .uniqueElements(StreamUsage::stream);
    }
}
