package io.streamgate.plugins.hls;

import io.streamgate.plugin.api.protocol.ManifestTemplate;
import io.streamgate.plugin.api.protocol.ManifestUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An HLS playlist split once into literal text and URL slots. A slot is a URI line (any non-blank line that does not
 * start with {@code #}) or the quoted {@code URI} attribute of a tag that carries one; everything else, line endings
 * included, is kept byte for byte. References are kept exactly as written, query and all: the host decides what a
 * streamer's query means.
 *
 * <p>Rendering asks the host for every slot's URL first, so the output is built in one buffer of the exact size,
 * without any pattern matching.
 */
final class HlsPlaylist implements ManifestTemplate {

    /** Far more than any master playlist has; a bound on the work a hostile streamer can cause. */
    static final int MAX_LINES = 20_000;

    /**
     * Tags whose {@code URI} attribute is a URL (RFC 8216 and its low-latency extension). {@code EXT-X-KEY} and
     * {@code EXT-X-MAP} belong to media playlists, handled too so that a media playlist can be served the same way.
     */
    static final Set<String> URI_TAGS = Set.of(
            "EXT-X-MEDIA",
            "EXT-X-I-FRAME-STREAM-INF",
            "EXT-X-SESSION-KEY",
            "EXT-X-SESSION-DATA",
            "EXT-X-KEY",
            "EXT-X-MAP",
            "EXT-X-PART",
            "EXT-X-PRELOAD-HINT",
            "EXT-X-RENDITION-REPORT");

    private static final String HEADER = "#EXTM3U";

    private final String[] literals;
    private final String[] references;
    private final int literalLength;

    private HlsPlaylist(List<String> literals, List<String> references) {
        this.literals = literals.toArray(String[]::new);
        this.references = references.toArray(String[]::new);
        int total = 0;
        for (String literal : this.literals) {
            total += literal.length();
        }
        this.literalLength = total;
    }

    /** The references in playlist order, as written by the streamer. */
    List<String> references() {
        return List.of(references);
    }

    @Override
    public String render(ManifestUrls urls) {
        String[] absolute = new String[references.length];
        int length = literalLength;
        for (int i = 0; i < references.length; i++) {
            String url = urls.absolute(references[i]);
            checkUrl(references[i], url);
            absolute[i] = url;
            length += url.length();
        }
        StringBuilder out = new StringBuilder(length);
        out.append(literals[0]);
        for (int i = 0; i < absolute.length; i++) {
            out.append(absolute[i]).append(literals[i + 1]);
        }
        return out.toString();
    }

    /** A quote or line break from the host would break the playlist's structure; fail rather than emit that. */
    private static void checkUrl(String reference, String url) {
        if (url == null) {
            throw new IllegalStateException("no URL for reference '" + reference + "'");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '"' || c < 0x20 || c == 0x7f) {
                throw new IllegalStateException(
                        "URL for reference '" + reference + "' (expected: no quote or control character)");
            }
        }
    }

    /**
     * Parses a playlist.
     *
     * @throws IllegalArgumentException when the text is not an HLS playlist, is larger than {@code maxSize}
     *     characters or has more than {@link #MAX_LINES} lines, or a URI-bearing tag is malformed
     */
    static HlsPlaylist parse(String text, int maxSize) {
        if (text == null) {
            throw new IllegalArgumentException("playlist: null (expected: an HLS playlist)");
        }
        if (text.length() > maxSize) {
            throw new IllegalArgumentException(
                    "playlist: " + text.length() + " characters (expected: at most " + maxSize + ")");
        }
        if (!text.startsWith(HEADER)
                || (text.length() > HEADER.length()
                        && text.charAt(HEADER.length()) != '\n'
                        && text.charAt(HEADER.length()) != '\r')) {
            throw new IllegalArgumentException("playlist: does not start with a #EXTM3U line (expected: HLS)");
        }
        Builder builder = new Builder(text);
        int length = text.length();
        int start = 0;
        int lineNumber = 0;
        while (start < length) {
            if (++lineNumber > MAX_LINES) {
                throw new IllegalArgumentException("playlist: more than " + MAX_LINES + " lines");
            }
            int newline = text.indexOf('\n', start);
            int lineEnd = newline < 0 ? length : newline;
            int end = lineEnd > start && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            int first = skipSpace(text, start, end);
            if (first < end) {
                if (text.charAt(first) != '#') {
                    builder.uriLine(lineNumber, first, end);
                } else if (text.startsWith("#EXT", first)) {
                    builder.tag(lineNumber, first, end);
                }
            }
            start = lineEnd + 1;
        }
        return builder.build();
    }

    private static int skipSpace(String text, int from, int end) {
        int i = from;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Collects slots in text order; literals are the text between them. */
    private static final class Builder {
        private final String text;
        private final List<String> literals = new ArrayList<>();
        private final List<String> references = new ArrayList<>();
        private int copied;

        Builder(String text) {
            this.text = text;
        }

        void uriLine(int lineNumber, int first, int end) {
            int last = end;
            while (last > first && (text.charAt(last - 1) == ' ' || text.charAt(last - 1) == '\t')) {
                last--;
            }
            for (int i = first; i < last; i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c == 0x7f) {
                    throw new IllegalArgumentException(
                            "playlist line " + lineNumber + ": control character in a URI line");
                }
            }
            slot(first, last);
        }

        void tag(int lineNumber, int first, int end) {
            int colon = text.indexOf(':', first);
            int nameEnd = colon < 0 || colon > end ? end : colon;
            String name = text.substring(first + 1, nameEnd);
            if (colon < 0 || colon > end || !URI_TAGS.contains(name)) {
                return;
            }
            int i = colon + 1;
            while (i < end) {
                i = skipSpace(text, i, end);
                int attributeStart = i;
                while (i < end && isAttributeNameChar(text.charAt(i))) {
                    i++;
                }
                if (i == attributeStart || i >= end || text.charAt(i) != '=') {
                    throw malformed(
                            lineNumber, name, "an attribute NAME=value at column " + (attributeStart - first + 1));
                }
                boolean uri = text.regionMatches(attributeStart, "URI", 0, 3) && i - attributeStart == 3;
                i++;
                if (i < end && text.charAt(i) == '"') {
                    int close = text.indexOf('"', i + 1);
                    if (close < 0 || close >= end) {
                        throw malformed(lineNumber, name, "a closing quote");
                    }
                    if (uri) {
                        if (close == i + 1) {
                            throw malformed(lineNumber, name, "a non-empty URI");
                        }
                        slot(i + 1, close);
                    }
                    i = close + 1;
                } else {
                    if (uri) {
                        throw malformed(lineNumber, name, "URI as a quoted string");
                    }
                    while (i < end && text.charAt(i) != ',') {
                        i++;
                    }
                }
                i = skipSpace(text, i, end);
                if (i < end) {
                    if (text.charAt(i) != ',') {
                        throw malformed(lineNumber, name, "a comma between attributes");
                    }
                    i++;
                }
            }
        }

        private static boolean isAttributeNameChar(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        }

        private static IllegalArgumentException malformed(int lineNumber, String tag, String expected) {
            return new IllegalArgumentException(
                    "playlist line " + lineNumber + ": malformed #" + tag + " (expected: " + expected + ")");
        }

        private void slot(int from, int to) {
            literals.add(text.substring(copied, from));
            references.add(text.substring(from, to));
            copied = to;
        }

        HlsPlaylist build() {
            literals.add(text.substring(copied));
            return new HlsPlaylist(literals, references);
        }
    }
}
