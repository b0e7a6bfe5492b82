package io.streamgate.loadtests;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a live HLS media playlist (RFC 8216) a player acts on: the first segment's media sequence number, the
 * target duration (how often to reload) and the segment URIs in order, resolved against the playlist's own URL.
 */
record MediaPlaylist(long mediaSequence, Duration targetDuration, List<String> segments) {

    private static final String SEQUENCE_TAG = "#EXT-X-MEDIA-SEQUENCE:";
    private static final String TARGET_TAG = "#EXT-X-TARGETDURATION:";

    MediaPlaylist {
        segments = List.copyOf(segments);
    }

    static MediaPlaylist parse(String url, String body) {
        if (body == null || !body.startsWith("#EXTM3U")) {
            throw new IllegalArgumentException("playlist from " + url + " (expected: a body starting with #EXTM3U)");
        }
        URI base = URI.create(url);
        long sequence = 0;
        Duration target = null;
        List<String> segments = new ArrayList<>();
        for (String line : body.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith(SEQUENCE_TAG)) {
                sequence = Long.parseLong(trimmed.substring(SEQUENCE_TAG.length()));
            } else if (trimmed.startsWith(TARGET_TAG)) {
                target = Duration.ofSeconds(Long.parseLong(trimmed.substring(TARGET_TAG.length())));
            } else if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                segments.add(base.resolve(trimmed).toString());
            }
        }
        if (target == null || segments.isEmpty()) {
            throw new IllegalArgumentException(
                    "playlist from " + url + " (expected: #EXT-X-TARGETDURATION and at least one segment): " + body);
        }
        return new MediaPlaylist(sequence, target, segments);
    }

    long lastSequence() {
        return mediaSequence + segments.size() - 1;
    }

    /** The segments after {@code seen}, the highest sequence number the player already has. */
    List<String> after(long seen) {
        int from = (int) Math.max(0, Math.min(segments.size(), seen - mediaSequence + 1));
        return segments.subList(from, segments.size());
    }

    /** The last {@code count} segments: where a player joining a live stream starts. */
    List<String> last(int count) {
        return segments.subList(Math.max(0, segments.size() - count), segments.size());
    }
}
