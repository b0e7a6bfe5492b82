package io.streamgate.plugins.auth.http;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.http.HttpCaller;
import io.streamgate.plugin.api.http.RefusedTargetException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated settings of one {@code http} backend.
 *
 * @param url the operator's authorization endpoint
 * @param method {@code GET} (parameters in the query) or {@code POST} (a JSON body)
 * @param timeout the whole call's limit
 * @param defaultCacheFor how long an answer may be reused when the service does not say
 * @param headers extra static request headers, e.g. an {@code Authorization} the service expects
 */
record HttpAuthSettings(
        URI url, String method, Duration timeout, Duration defaultCacheFor, Map<String, List<String>> headers) {

    static final Set<String> KEYS = Set.of("url", "method", "timeout", "default_cache_for", "headers");
    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_HEADERS = 16;
    static final int MAX_HEADER_VALUE_LENGTH = 4096;

    // RFC 9110 token characters.
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");
    // Framing and routing headers belong to the host's client; the JDK client refuses these outright.
    private static final Set<String> FORBIDDEN_HEADERS =
            Set.of("host", "content-length", "transfer-encoding", "connection", "expect", "upgrade");

    HttpAuthSettings {
        headers = Map.copyOf(headers);
    }

    static HttpAuthSettings from(Settings settings, HttpCaller http) {
        settings.allowOnly(KEYS);
        URI url = url(settings, http);
        String method = settings.string("method", "GET").toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("POST")) {
            throw settings.invalid("method", "'" + settings.string("method") + "' (expected: GET or POST)");
        }
        Duration timeout =
                settings.duration("timeout", Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofSeconds(10));
        Duration defaultCacheFor =
                settings.duration("default_cache_for", Duration.ofSeconds(30), Duration.ZERO, Duration.ofHours(1));
        return new HttpAuthSettings(url, method, timeout, defaultCacheFor, headers(settings));
    }

    private static URI url(Settings settings, HttpCaller http) {
        String text = settings.string("url");
        String expected = "(expected: an absolute http or https URL of at most " + MAX_URL_LENGTH
                + " characters, without user info or fragment)";
        if (text.length() > MAX_URL_LENGTH) {
            throw settings.invalid("url", text.length() + " characters " + expected);
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw settings.invalid("url", "'" + text + "' " + expected);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || url.getHost() == null
                || url.getRawUserInfo() != null
                || url.getRawFragment() != null) {
            // User info is refused too: credentials belong in headers, not in a URL that ends up in logs.
            throw settings.invalid("url", "'" + text + "' " + expected);
        }
        try {
            http.checkTarget(url);
        } catch (RefusedTargetException e) {
            throw settings.invalid(
                    "url", "'" + text + "' (expected: a target the gateway may call; " + e.getMessage() + ")");
        }
        return url;
    }

    private static Map<String, List<String>> headers(Settings settings) {
        Settings headers = settings.object("headers");
        Map<String, Object> raw = headers.asMap();
        if (raw.size() > MAX_HEADERS) {
            throw settings.invalid("headers", raw.size() + " headers (expected: at most " + MAX_HEADERS + ")");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : raw.keySet()) {
            if (!HEADER_NAME.matcher(name).matches() || FORBIDDEN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw headers.invalid(
                        name,
                        "not allowed (expected: a header name of token characters, not one of " + FORBIDDEN_HEADERS
                                + ")");
            }
            String value = headers.string(name);
            // The value is never echoed: static headers usually carry the service's credentials.
            if (value.length() > MAX_HEADER_VALUE_LENGTH
                    || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                throw headers.invalid(
                        name,
                        "(expected: at most " + MAX_HEADER_VALUE_LENGTH + " characters without control characters)");
            }
            out.put(name, List.of(value));
        }
        return out;
    }
}
