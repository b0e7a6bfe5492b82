package io.streamgate.plugin.api.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One outbound request.
 *
 * @param method {@code GET} or {@code POST}
 * @param target the URL
 * @param headers request headers
 * @param body the body ({@code POST}), or an empty array
 * @param timeout the whole call's time limit
 * @since 1.0.0
 */
public record HttpCall(String method, URI target, Map<String, List<String>> headers, byte[] body, Duration timeout) {

    /**
     * Validates and copies.
     *
     * @since 1.0.0
     */
    public HttpCall {
        if (!"GET".equals(method) && !"POST".equals(method)) {
            throw new IllegalArgumentException("method: '" + method + "' (expected: GET or POST)");
        }
        if (target == null || timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("target and a positive timeout are required");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
    }

    /**
     * The body; a copy, so the record stays immutable.
     *
     * @return the body bytes
     * @since 1.0.0
     */
    @Override
    public byte[] body() {
        return body.clone();
    }
}
