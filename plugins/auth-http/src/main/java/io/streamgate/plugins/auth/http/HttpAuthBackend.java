package io.streamgate.plugins.auth.http;

import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.api.http.HttpAnswer;
import io.streamgate.plugin.api.http.HttpCall;
import io.streamgate.plugin.api.http.HttpCaller;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Asks the operator's service, Flussonic {@code on_play} style: the request's fields go out as {@code name},
 * {@code ip}, {@code token}, {@code referer}, {@code user_agent}, {@code proto}, {@code session_id} and
 * {@code project}; a 2xx answer allows, every other status denies.
 */
final class HttpAuthBackend implements AuthBackend {

    /** Flussonic's header: how many seconds the answer may be reused. */
    static final String AUTH_DURATION = "X-AuthDuration";

    static final String USER_ID = "X-UserId";
    static final String MAX_SESSIONS = "X-Max-Sessions";

    // A service's typo (or a year in seconds) must not pin a decision beyond what an operator could configure.
    static final Duration MAX_CACHE_FOR = Duration.ofHours(1);
    static final int MAX_USER_ID_LENGTH = 256;

    private final HttpAuthSettings settings;
    private final HttpCaller http;
    private final Map<String, List<String>> headers;

    HttpAuthBackend(HttpAuthSettings settings, HttpCaller http) {
        this.settings = settings;
        this.http = http;
        Map<String, List<String>> all = new LinkedHashMap<>(settings.headers());
        if (settings.method().equals("POST")) {
            all.put("Content-Type", List.of("application/json"));
        }
        this.headers = Map.copyOf(all);
    }

    @Override
    public Mono<AuthDecision> check(PlayRequest request) {
        // A transport failure or timeout stays an error, not a deny: the host serves stale answers and applies the
        // backend's failure policy, which a deny here would pre-empt.
        return Mono.defer(() -> http.call(call(request))).map(this::decide);
    }

    /**
     * Everything the service sees except the session id and the project (one backend serves one project), so a
     * viewer's reconnects with a new session reuse the answer. Hashed: tokens and user agents can be long, and a hash
     * of length-prefixed fields cannot confuse one field's end with the next one's start.
     */
    @Override
    public String cacheKey(PlayRequest request) {
        MessageDigest digest = sha256();
        for (String field : Arrays.asList(
                request.stream(),
                request.clientIp(),
                request.token(),
                request.referer(),
                request.userAgent(),
                request.protocol())) {
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(4)
                    .putInt(field == null ? -1 : bytes.length)
                    .array());
            digest.update(bytes);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
    }

    HttpCall call(PlayRequest request) {
        Map<String, String> fields = fields(request);
        if (settings.method().equals("POST")) {
            return new HttpCall("POST", settings.url(), headers, json(fields), settings.timeout());
        }
        return new HttpCall("GET", withQuery(settings.url(), fields), headers, null, settings.timeout());
    }

    AuthDecision decide(HttpAnswer answer) {
        Duration cacheFor = cacheFor(answer);
        if (answer.status() >= 200 && answer.status() < 300) {
            return new AuthDecision.Allow(cacheFor, userId(answer), maxSessions(answer));
        }
        // 3xx included: redirects are not followed, so a service that redirects has not said yes.
        return AuthDecision.deny("auth service answered " + answer.status(), cacheFor);
    }

    private static Map<String, String> fields(PlayRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", request.stream());
        fields.put("ip", request.clientIp());
        fields.put("token", request.token());
        fields.put("referer", request.referer());
        fields.put("user_agent", request.userAgent());
        fields.put("proto", request.protocol());
        fields.put("session_id", request.sessionId());
        fields.put("project", request.projectId());
        return fields;
    }

    /** Absent fields are left out of the query, so the service can tell "none" from "empty". */
    private static URI withQuery(URI url, Map<String, String> fields) {
        StringBuilder query = new StringBuilder(url.getRawQuery() == null ? "" : url.getRawQuery());
        fields.forEach((name, value) -> {
            if (value != null) {
                if (query.length() > 0) {
                    query.append('&');
                }
                query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        String base = url.toString();
        int cut = base.indexOf('?');
        return URI.create((cut < 0 ? base : base.substring(0, cut)) + "?" + query);
    }

    /** Absent fields are JSON nulls, so every body has the same shape. */
    private static byte[] json(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(name).append("\":");
            if (value == null) {
                out.append("null");
            } else {
                out.append('"');
                escape(value, out);
                out.append('"');
            }
        });
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
    }

    /** Malformed values fall back to the default: a header typo must never turn into a failed check. */
    private Duration cacheFor(HttpAnswer answer) {
        Long seconds = wholeNumber(answer.header(AUTH_DURATION));
        if (seconds == null) {
            seconds = maxAge(answer.header("Cache-Control"));
        }
        if (seconds == null) {
            return settings.defaultCacheFor();
        }
        Duration duration = Duration.ofSeconds(seconds);
        return duration.compareTo(MAX_CACHE_FOR) > 0 ? MAX_CACHE_FOR : duration;
    }

    private static Long maxAge(String cacheControl) {
        if (cacheControl == null) {
            return null;
        }
        for (String directive : cacheControl.split(",")) {
            String d = directive.trim();
            if (d.regionMatches(true, 0, "max-age=", 0, 8)) {
                String value = d.substring(8).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return wholeNumber(value);
            }
        }
        return null;
    }

    private static Long wholeNumber(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.isEmpty() || t.length() > 10 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(t);
    }

    private static String userId(HttpAnswer answer) {
        String value = answer.header(USER_ID);
        if (value == null) {
            return null;
        }
        String t = value.trim();
        return t.isEmpty() || t.length() > MAX_USER_ID_LENGTH ? null : t;
    }

    private static int maxSessions(HttpAnswer answer) {
        Long value = wholeNumber(answer.header(MAX_SESSIONS));
        return value == null || value > Integer.MAX_VALUE ? 0 : value.intValue();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
