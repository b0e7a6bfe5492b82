package io.streamgate.sim.auth;

import io.streamgate.domain.name.StreamName;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only playback path shapes a streamer serves, matched on the raw (still percent-encoded) path so that no
 * decoding or normalisation can turn a harmless-looking path into another stream's.
 */
final class PlaybackPath {

    private static final Pattern SHAPE = Pattern.compile(
            "/(" + StreamName.PATTERN + ")/(index\\.m3u8|tracks-v[1-9][0-9]?/(index\\.m3u8|[0-9]{1,18}\\.ts))");

    private PlaybackPath() {}

    /** The stream name of a well-formed playback path, or {@code null}. */
    static String streamOf(String rawPath) {
        if (rawPath.length() > 200) {
            return null;
        }
        Matcher matcher = SHAPE.matcher(rawPath);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /**
     * Paths that belong to the streamer itself rather than to a stream. {@code /metrics} is matched exactly, so a stream
     * named {@code metrics} still has its playback under {@code /metrics/} guarded.
     */
    static boolean isServicePath(String rawPath) {
        return rawPath.equals("/metrics")
                || rawPath.equals("/streamer")
                || rawPath.startsWith("/streamer/")
                || rawPath.equals("/actuator")
                || rawPath.startsWith("/actuator/");
    }
}
