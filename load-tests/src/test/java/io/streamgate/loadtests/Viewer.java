package io.streamgate.loadtests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What one viewer is told to play: the project's domain (sent as the Host header), the stream's flat name and the
 * query its master playlist URL carries ({@code ?token=...} for a stream with signed links, else empty).
 */
record Viewer(String host, String stream, String query) {

    static Viewer of(String host, String stream, String token) {
        return new Viewer(
                host, stream, token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** The session attributes the player chains read: {@code host}, {@code stream}, {@code query}. */
    Map<String, Object> attributes() {
        return Map.of("host", host, "stream", stream, "query", query);
    }
}
