package io.streamgate.gateway.playback;

/**
 * What the play path needs of an HTTP request, independent of the server binding.
 *
 * @param host the Host header as received (may be {@code null})
 * @param rawPath the undecoded path
 * @param rawQuery the undecoded query, or {@code null}
 */
record PlayRequest(String host, String rawPath, String rawQuery) {

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
}
