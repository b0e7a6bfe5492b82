package io.streamgate.sim.hls;

import java.time.Instant;
import java.util.List;

/** Writes HLS playlists (RFC 8216, version 3) whose URIs are relative and carry the request's signed query. */
final class Playlists {

    private Playlists() {}

    static String master(List<Rendition> renditions, String signedQuery) {
        StringBuilder out = new StringBuilder(512);
        out.append("#EXTM3U\n#EXT-X-VERSION:3\n");
        for (Rendition rendition : renditions) {
            out.append("#EXT-X-STREAM-INF:BANDWIDTH=")
                    .append(rendition.peakBandwidth())
                    .append(",AVERAGE-BANDWIDTH=")
                    .append(rendition.averageBandwidth())
                    .append(",RESOLUTION=")
                    .append(rendition.width())
                    .append('x')
                    .append(rendition.height())
                    .append(",CODECS=\"")
                    .append(rendition.codecs())
                    .append("\"\n")
                    .append(withQuery("tracks-v" + rendition.id() + "/index.m3u8", signedQuery))
                    .append('\n');
        }
        return out.toString();
    }

    static String media(long mediaSequence, int segments, int segmentMillis, String signedQuery) {
        StringBuilder out = new StringBuilder(128 + segments * 160);
        out.append("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:")
                .append((segmentMillis + 999) / 1000)
                .append("\n#EXT-X-MEDIA-SEQUENCE:")
                .append(mediaSequence)
                .append('\n');
        String duration = String.format("%d.%03d", segmentMillis / 1000, segmentMillis % 1000);
        for (long sequence = mediaSequence; sequence < mediaSequence + segments; sequence++) {
            if (sequence == mediaSequence) {
                // Lets players and monitoring map media time to wall time; the same on every simulator.
                out.append("#EXT-X-PROGRAM-DATE-TIME:")
                        .append(Instant.ofEpochMilli(sequence * segmentMillis))
                        .append('\n');
            }
            out.append("#EXTINF:")
                    .append(duration)
                    .append(",\n")
                    .append(withQuery(sequence + ".ts", signedQuery))
                    .append('\n');
        }
        return out.toString();
    }

    private static String withQuery(String uri, String query) {
        return query == null || query.isEmpty() ? uri : uri + '?' + query;
    }
}
