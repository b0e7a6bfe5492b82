package io.streamgate.sim.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One input of a stream; only the URL scheme matters to the simulator. */
public record InputDefinition(String url) {

    static final List<String> SCHEMES = List.of("fake", "publish", "rtmp", "srt", "http", "https");

    /**
     * An RFC 3986 scheme and anything after it without whitespace; {@code java.net.URI} is not used because it rejects
     * Flussonic's usual {@code publish://} (an empty authority).
     */
    private static final Pattern SHAPE = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):[^\\s\\p{Cntrl}]*");

    public InputDefinition {
        Matcher matcher = url == null ? null : SHAPE.matcher(url);
        if (matcher == null
                || !matcher.matches()
                || !SCHEMES.contains(matcher.group(1).toLowerCase(Locale.ROOT))) {
            throw new InvalidStreamException(
                    "inputs.url: '" + printable(url) + "' (expected: a URI with scheme one of " + SCHEMES + ")");
        }
    }

    /** The lower-case scheme, e.g. {@code fake} or {@code publish}. */
    public String scheme() {
        return url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT);
    }

    private static String printable(String value) {
        if (value == null) {
            return "null";
        }
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
