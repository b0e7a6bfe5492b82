package io.streamgate.gateway.playback;

import io.streamgate.domain.name.InternalStreamName;
import io.streamgate.domain.name.StreamName;

/**
 * A validated player path, still raw (never decoded: a valid path has nothing to decode).
 *
 * @param nameSegment the first segment: a flat stream name or the universal {@code {project_id}_{name}}
 * @param rest everything after the name segment's slash, e.g. {@code index.m3u8} or {@code tracks-v1/1.ts}
 */
record PlayPath(String nameSegment, String rest) {

    static final int MAX_REST_SEGMENTS = 4;
    static final int MAX_SEGMENT_LENGTH = 128;

    /**
     * Parses the raw (percent-encoded) path; {@code null} for anything the player API does not serve. Checked before
     * any decoding, so {@code %2f}, {@code %00} and friends never reach a lookup.
     */
    static PlayPath parseOrNull(String rawPath) {
        if (rawPath == null || rawPath.length() < 2 || rawPath.charAt(0) != '/') {
            return null;
        }
        int nameEnd = rawPath.indexOf('/', 1);
        if (nameEnd < 0) {
            return null;
        }
        String name = rawPath.substring(1, nameEnd);
        if (!StreamName.isValid(name) && InternalStreamName.parseOrNull(name) == null) {
            return null;
        }
        int length = rawPath.length();
        int start = nameEnd + 1;
        int segments = 0;
        while (true) {
            int end = rawPath.indexOf('/', start);
            if (end < 0) {
                end = length;
            }
            if (++segments > MAX_REST_SEGMENTS || !validSegment(rawPath, start, end)) {
                return null;
            }
            if (end == length) {
                break;
            }
            start = end + 1;
        }
        return new PlayPath(name, rawPath.substring(nameEnd + 1));
    }

    private static boolean validSegment(String path, int start, int end) {
        int length = end - start;
        if (length < 1 || length > MAX_SEGMENT_LENGTH) {
            return false;
        }
        boolean onlyDots = true;
        for (int i = start; i < end; i++) {
            char c = path.charAt(i);
            boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && c != '.' && c != '_' && c != '-') {
                return false;
            }
            onlyDots &= c == '.';
        }
        return !(onlyDots && length <= 2);
    }
}
