package io.streamgate.plugins.driver.nginxrtmp;

import io.streamgate.plugin.api.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated settings of one {@code nginx-rtmp} streamer.
 *
 * @param rtmpUrl where encoders publish, {@code rtmp://host[:port]/{app}}, without a trailing slash
 * @param app the RTMP application: the URL's one path segment, as nginx-rtmp names applications
 * @param statPath the HTTP location with {@code rtmp_stat all}
 * @param controlPath the HTTP location with {@code rtmp_control all}
 */
record NginxRtmpSettings(URI rtmpUrl, String app, String statPath, String controlPath) {

    static final String RTMP_URL = "rtmp_url";
    static final String STAT_PATH = "stat_path";
    static final String CONTROL_PATH = "control_path";
    static final Set<String> KEYS = Set.of(RTMP_URL, STAT_PATH, CONTROL_PATH);
    static final int MAX_LENGTH = 1024;

    // nginx-rtmp's application block takes one name; a path with more segments would name no application.
    private static final Pattern APP_PATH = Pattern.compile("/([A-Za-z0-9._~-]+)/?");
    private static final Pattern HTTP_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    NginxRtmpSettings {
        if (!rtmpUrl.getRawPath().equals("/" + app)) {
            throw new IllegalArgumentException("app: '" + app + "' (expected: the path of " + rtmpUrl + ")");
        }
    }

    static NginxRtmpSettings from(Settings settings) {
        settings.allowOnly(KEYS);
        URI rtmpUrl = rtmpUrl(settings);
        return new NginxRtmpSettings(
                rtmpUrl,
                rtmpUrl.getRawPath().substring(1),
                path(settings, STAT_PATH, "/stat"),
                path(settings, CONTROL_PATH, "/control"));
    }

    private static URI rtmpUrl(Settings settings) {
        String text = settings.string(RTMP_URL);
        String expected = "(expected: rtmp://host[:port]/{application}, like rtmp://127.0.0.1:1935/live, with one"
                + " path segment and no user info, query or fragment)";
        if (text.length() > MAX_LENGTH) {
            throw settings.invalid(RTMP_URL, text.length() + " characters (expected: at most " + MAX_LENGTH + ")");
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw settings.invalid(RTMP_URL, "'" + text + "' " + expected);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        var app = APP_PATH.matcher(path);
        if (!(scheme.equals("rtmp") || scheme.equals("rtmps"))
                || url.getHost() == null
                || url.getRawUserInfo() != null
                || url.getRawQuery() != null
                || url.getRawFragment() != null
                || !app.matches()) {
            throw settings.invalid(RTMP_URL, "'" + text + "' " + expected);
        }
        // Encoders append "/{name}"; a trailing slash would make an empty path segment.
        return URI.create(scheme + "://" + url.getRawAuthority() + "/" + app.group(1));
    }

    private static String path(Settings settings, String key, String fallback) {
        String path = settings.string(key, fallback);
        if (path.length() > MAX_LENGTH || !HTTP_PATH.matcher(path).matches()) {
            throw settings.invalid(
                    key,
                    "'" + path + "' (expected: an absolute path like " + fallback
                            + ", of [A-Za-z0-9._~-] segments, without a trailing slash or query)");
        }
        return path;
    }
}
