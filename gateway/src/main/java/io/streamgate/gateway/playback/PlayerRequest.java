package io.streamgate.gateway.playback;

/**
 * What the play path needs of an HTTP request, independent of the server binding.
 *
 * @param host the Host header as received (may be {@code null})
 * @param rawPath the undecoded path
 * @param rawQuery the undecoded query, or {@code null}
 * @param clientIp the connection's remote address as text (never a header a client could forge)
 * @param referer the {@code Referer} header, or {@code null}
 * @param userAgent the {@code User-Agent} header, or {@code null}
 * @param region the viewer's region as far as the gateway knows it, or {@code null}
 */
record PlayerRequest(
        String host,
        String rawPath,
        String rawQuery,
        String clientIp,
        String referer,
        String userAgent,
        String region) {

    PlayerRequest(String host, String rawPath, String rawQuery) {
        this(host, rawPath, rawQuery, "0.0.0.0", null, null, null);
    }

    /** The value of query parameter {@code key} (undecoded), or {@code null}; a scan, no allocation on a miss. */
    String queryParam(String key) {
        String query = rawQuery;
        if (query == null || query.isEmpty()) {
            return null;
        }
        int start = 0;
        int length = query.length();
        while (start < length) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            if (end - start > key.length()
                    && query.charAt(start + key.length()) == '='
                    && query.startsWith(key, start)) {
                return query.substring(start + key.length() + 1, end);
            }
            start = end + 1;
        }
        return null;
    }

    /** The value of query parameter {@code key}, percent-decoded; {@code null} when absent or malformed. */
    String decodedQueryParam(String key) {
        String raw = queryParam(key);
        if (raw == null || (raw.indexOf('%') < 0 && raw.indexOf('+') < 0)) {
            return raw;
        }
        try {
            return java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null; // a malformed escape is no token at all, which the backends deny
        }
    }
}
