package io.streamgate.gateway.playback;

import java.util.ArrayList;
import java.util.List;

/**
 * A streamer's master playlist, parsed once into a template: the text between URIs, where every URI is already made
 * absolute on the streamer and ends with {@code ?}. Rendering for a viewer only appends that viewer's signed query at
 * each URI, so a cached template costs one string build per request.
 */
final class MasterPlaylist {

    private static final String URI_ATTRIBUTE = "URI=\"";

    private final String[] chunks;
    private final int length;

    private MasterPlaylist(String[] chunks) {
        this.chunks = chunks;
        int total = 0;
        for (String chunk : chunks) {
            total += chunk.length();
        }
        this.length = total;
    }

    /** The number of URIs the template rewrites. */
    int uriCount() {
        return chunks.length - 1;
    }

    /** The playlist for one viewer: every URI carries {@code signedQuery}. */
    String render(String signedQuery) {
        StringBuilder out = new StringBuilder(length + (chunks.length - 1) * signedQuery.length());
        out.append(chunks[0]);
        for (int i = 1; i < chunks.length; i++) {
            out.append(signedQuery).append(chunks[i]);
        }
        return out.toString();
    }

    /**
     * Parses {@code text}, resolving URIs against {@code {baseUrl}/{internalName}/}; queries on the URIs are dropped
     * (they carried the gateway's own signature).
     *
     * @throws IllegalArgumentException if the text is not an HLS playlist
     */
    static MasterPlaylist parse(String text, String baseUrl, String internalName) {
        if (!text.startsWith("#EXTM3U")) {
            throw new IllegalArgumentException("master playlist: does not start with #EXTM3U");
        }
        String streamBase = baseUrl + "/" + internalName + "/";
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder(text.length() + 256);
        int start = 0;
        int length = text.length();
        while (start < length) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? length : newline;
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            if (line.isBlank()) {
                current.append(line);
            } else if (line.charAt(0) == '#') {
                int from = 0;
                int attribute;
                while ((attribute = line.indexOf(URI_ATTRIBUTE, from)) >= 0) {
                    int uriStart = attribute + URI_ATTRIBUTE.length();
                    int uriEnd = line.indexOf('"', uriStart);
                    if (uriEnd < 0) {
                        break;
                    }
                    current.append(line, from, uriStart);
                    current.append(absolute(line.substring(uriStart, uriEnd), baseUrl, streamBase))
                            .append('?');
                    chunks.add(current.toString());
                    current.setLength(0);
                    from = uriEnd;
                }
                current.append(line, from, line.length());
            } else {
                current.append(absolute(line.strip(), baseUrl, streamBase)).append('?');
                chunks.add(current.toString());
                current.setLength(0);
            }
            if (newline >= 0) {
                current.append('\n');
            }
            start = end + 1;
        }
        chunks.add(current.toString());
        return new MasterPlaylist(chunks.toArray(String[]::new));
    }

    /** The URI without query or fragment, made absolute on the streamer. */
    private static String absolute(String uri, String baseUrl, String streamBase) {
        int cut = uri.length();
        int query = uri.indexOf('?');
        if (query >= 0) {
            cut = query;
        }
        int fragment = uri.indexOf('#');
        if (fragment >= 0 && fragment < cut) {
            cut = fragment;
        }
        String path = uri.substring(0, cut);
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        if (path.startsWith("/")) {
            return baseUrl + path;
        }
        return streamBase + path;
    }
}
