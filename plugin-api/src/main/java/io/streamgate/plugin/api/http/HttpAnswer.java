package io.streamgate.plugin.api.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer to an {@link HttpCall}. Header names are compared without regard to case.
 *
 * @param status the HTTP status code
 * @param headers the response headers
 * @since 1.0.0
 */
public record HttpAnswer(int status, Map<String, List<String>> headers) {

    /**
     * Copies the headers into a case-insensitive map.
     *
     * @since 1.0.0
     */
    public HttpAnswer {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        }
        headers = java.util.Collections.unmodifiableMap(copy);
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
