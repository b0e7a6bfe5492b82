package io.streamgate.plugin.api.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer to an {@link HttpCall}. Header names are compared without regard to case. The body is bounded by the
 * host (a few tens of KiB): enough for an authorization answer or a key set, never a stream.
 *
 * @param status the HTTP status code
 * @param headers the response headers
 * @param body the response body, possibly empty
 * @since 1.0.0
 */
public record HttpAnswer(int status, Map<String, List<String>> headers, byte[] body) {

    /**
     * Copies the headers into a case-insensitive map and the body.
     *
     * @since 1.0.0
     */
    public HttpAnswer {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        }
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
    }

    /**
     * An answer without a body.
     *
     * @param status the HTTP status code
     * @param headers the response headers
     * @since 1.0.0
     */
    public HttpAnswer(int status, Map<String, List<String>> headers) {
        this(status, headers, null);
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

    /**
     * The body as UTF-8 text.
     *
     * @return the text, empty when there is no body
     * @since 1.0.0
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return the value, or {@code null}
     * @since 1.0.0
     */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
