package io.streamgate.plugins.driver.flussonic;

import io.streamgate.plugin.api.driver.UsageCounters;
import io.streamgate.plugin.api.driver.UsageCounters.Counter;
import io.streamgate.plugins.driver.flussonic.PrometheusText.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The usage counters in a streamer's {@code /metrics}: one collection session (its id from the {@code session_id}
 * label, its start from the value in epoch milliseconds) and per-stream byte counters. Other series are ignored.
 * Exactly one session line is required, so counters are never attributed to a guessed session.
 */
final class StreamerMetrics {

    static final String SESSION = "streamer_collection_session_start_milliseconds";
    static final Map<String, String> SERIES =
            Map.of("streamer_stream_bytes_out_total", "bytes_out", "streamer_stream_bytes_in_total", "bytes_in");

    private StreamerMetrics() {}

    static UsageCounters parse(String text) {
        String sessionId = null;
        Instant sessionStart = null;
        List<Counter> counters = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Sample sample : PrometheusText.parse(text)) {
            if (sample.name().equals(SESSION)) {
                if (sessionId != null) {
                    throw new MalformedAnswerException("metrics: more than one " + SESSION + " line");
                }
                String id = sample.labels().get("session_id");
                if (id == null || id.isBlank()) {
                    throw new MalformedAnswerException("metrics: " + SESSION + " has no session_id label");
                }
                sessionId = id;
                sessionStart = Instant.ofEpochMilli(PrometheusText.exactCount(sample));
                continue;
            }
            String series = SERIES.get(sample.name());
            if (series == null) {
                continue;
            }
            String stream = sample.labels().get("stream");
            if (stream == null || stream.isEmpty()) {
                throw new MalformedAnswerException("metrics: " + sample.name() + " without a stream label");
            }
            // The same series twice would be counted twice (or contradict itself); the format forbids it anyway.
            if (!seen.add(series + '\n' + stream)) {
                throw new MalformedAnswerException(
                        "metrics: " + sample.name() + "{stream=\"" + stream + "\"} appears more than once");
            }
            counters.add(new Counter(stream, series, PrometheusText.exactCount(sample)));
        }
        if (sessionId == null) {
            throw new MalformedAnswerException("metrics: no " + SESSION + " line, so the counters have no session");
        }
        return new UsageCounters(sessionId, sessionStart, counters);
    }
}
