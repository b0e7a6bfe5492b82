package io.streamgate.sim.usage;

import java.util.List;

/**
 * Renders the counters in the Prometheus text exposition format 0.0.4: the collection session as a gauge whose
 * {@code session_id} label names the session and whose value is its start, then one counter line per stream and
 * direction. Only {@code # TYPE} comments are written, the shape the collector's drivers are specified against.
 */
final class PrometheusText {

    static final String SESSION_START = "streamer_collection_session_start_milliseconds";
    static final String BYTES_OUT = "streamer_stream_bytes_out_total";
    static final String BYTES_IN = "streamer_stream_bytes_in_total";

    private PrometheusText() {}

    static String render(CollectionSession session, List<StreamUsage> streams) {
        StringBuilder out = new StringBuilder(160 + streams.size() * 120);
        type(out, SESSION_START, "gauge");
        sample(out, SESSION_START, "session_id", session.id(), session.startMillis());
        type(out, BYTES_OUT, "counter");
        for (StreamUsage stream : streams) {
            sample(out, BYTES_OUT, "stream", stream.stream(), stream.bytesOut());
        }
        type(out, BYTES_IN, "counter");
        for (StreamUsage stream : streams) {
            sample(out, BYTES_IN, "stream", stream.stream(), stream.bytesIn());
        }
        return out.toString();
    }

    /**
     * A label value as the format requires: backslash, double quote and line feed escaped as {@code \\}, {@code \"} and
     * {@code \n}; everything else (UTF-8 text) as it is.
     */
    static String escapeLabelValue(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void type(StringBuilder out, String name, String type) {
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String label, String value, long sample) {
        out.append(name)
                .append('{')
                .append(label)
                .append("=\"")
                .append(escapeLabelValue(value))
                .append("\"} ")
                .append(sample)
                .append('\n');
    }
}
