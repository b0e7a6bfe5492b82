package io.streamgate.plugin.api.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One outbound request.
 *
 * @param method {@code GET} or {@code POST}; since 1.1.0 also {@code PUT} and {@code DELETE}
 * @param target the URL
 * @param headers request headers
 * @param body the body ({@code POST}, {@code PUT}), or an empty array
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
        if (!"GET".equals(method) && !"POST".equals(method) && !"PUT".equals(method) && !"DELETE".equals(method)) {
            throw new IllegalArgumentException("method: '" + method + "' (expected: GET, POST, PUT or DELETE)");
        }
        if (target == null || timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("target and a positive timeout are required");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
    }

    /**
     * Whether the method sends a body.
     *
     * @return true for {@code POST} and {@code PUT}
     * @since 1.1.0
     */
    public boolean hasBody() {
        return "POST".equals(method) || "PUT".equals(method);
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
