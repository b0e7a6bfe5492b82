package io.streamgate.plugins.driver.flussonic;

import io.streamgate.plugin.api.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The validated settings of one {@code flussonic} streamer: which publish endpoints it offers encoders.
 *
 * @param rtmpUrl the RTMP application URL encoders publish to, e.g. {@code rtmp://host:1935/live}, without a trailing
 *     slash; {@code null} when the streamer takes no RTMP
 * @param srtUrl the SRT listener, {@code srt://host:port}; {@code null} when the streamer takes no SRT
 * @param whip whether the streamer takes WHIP at {@code {base}/{name}/whip}
 * @param httpPublish whether the streamer takes HTTP uploads at {@code {base}/streamer/publish/{name}}
 */
record FlussonicSettings(URI rtmpUrl, URI srtUrl, boolean whip, boolean httpPublish) {

    static final String RTMP_URL = "rtmp_url";
    static final String SRT_URL = "srt_url";
    static final String WHIP = "whip";
    static final String HTTP_PUBLISH = "http_publish";
    static final Set<String> KEYS = Set.of(RTMP_URL, SRT_URL, WHIP, HTTP_PUBLISH);
    static final int MAX_URL_LENGTH = 1024;

    FlussonicSettings {
        if (rtmpUrl != null && rtmpUrl.toString().endsWith("/")) {
            throw new IllegalArgumentException("rtmpUrl: '" + rtmpUrl + "' (expected: no trailing slash)");
        }
    }

    static FlussonicSettings from(Settings settings) {
        settings.allowOnly(KEYS);
        return new FlussonicSettings(
                settings.has(RTMP_URL) ? rtmpUrl(settings) : null,
                settings.has(SRT_URL) ? srtUrl(settings) : null,
                settings.bool(WHIP, false),
                settings.bool(HTTP_PUBLISH, true));
    }

    private static URI rtmpUrl(Settings settings) {
        String expected = "(expected: rtmp:// or rtmps:// with a host and an application path, like"
                + " rtmp://host:1935/live, without user info, query or fragment)";
        URI url = parse(settings, RTMP_URL, expected);
        String scheme = scheme(url);
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (!(scheme.equals("rtmp") || scheme.equals("rtmps"))
                || url.getHost() == null
                || url.getRawUserInfo() != null
                || url.getRawQuery() != null
                || url.getRawFragment() != null
                || path.replace("/", "").isEmpty()) {
            throw settings.invalid(RTMP_URL, "'" + settings.string(RTMP_URL) + "' " + expected);
        }
        // Encoders append "/{name}"; a trailing slash would make an empty path segment.
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    private static URI srtUrl(Settings settings) {
        String expected = "(expected: srt://host:port, without path, user info, query or fragment)";
        URI url = parse(settings, SRT_URL, expected);
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (!scheme(url).equals("srt")
                || url.getHost() == null
                || url.getPort() < 1
                || url.getRawUserInfo() != null
                || url.getRawQuery() != null
                || url.getRawFragment() != null
                || !(path.isEmpty() || path.equals("/"))) {
            throw settings.invalid(SRT_URL, "'" + settings.string(SRT_URL) + "' " + expected);
        }
        return URI.create(scheme(url) + "://" + url.getRawAuthority());
    }

    private static URI parse(Settings settings, String key, String expected) {
        String text = settings.string(key);
        if (text.length() > MAX_URL_LENGTH) {
            throw settings.invalid(key, text.length() + " characters (expected: at most " + MAX_URL_LENGTH + ")");
        }
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw settings.invalid(key, "'" + text + "' " + expected);
        }
    }

    private static String scheme(URI url) {
        return url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    }
}
