package io.streamgate.sim.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The on_publish callback, asked before a publisher may create a stream this streamer does not have. Bound at
 * {@code streamgate.sim} rather than a feature prefix of its own because the property is specified as the flat
 * {@code streamgate.sim.on-publish-url}, next to {@code streamgate.sim.name}.
 *
 * @param onPublishUrl an absolute {@code http://} or {@code https://} URL, its own query kept as given (e.g.
 *     {@code ?streamer=sim-1}), from {@code STREAMGATE_SIM_ON_PUBLISH_URL}; empty (the default): off, and a publish to
 *     an unknown stream is 404 as without the feature
 * @param onPublishTimeout the time limit of one callback, connect included (default 2 s, at most 1 min); when it
 *     passes the publish is refused
 */
@ConfigurationProperties("streamgate.sim")
record OnPublishProperties(String onPublishUrl, @DefaultValue("2s") Duration onPublishTimeout) {

    static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

    OnPublishProperties {
        if (onPublishUrl != null && onPublishUrl.isBlank()) {
            onPublishUrl = null;
        }
        if (onPublishUrl != null) {
            parse(onPublishUrl);
        }
        if (onPublishTimeout == null) {
            onPublishTimeout = Duration.ofSeconds(2);
        }
        if (onPublishTimeout.isNegative() || onPublishTimeout.isZero() || onPublishTimeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("streamgate.sim.on-publish-timeout: " + onPublishTimeout
                    + " (expected: > 0 and <= " + MAX_TIMEOUT + "; set STREAMGATE_SIM_ON_PUBLISH_TIMEOUT)");
        }
    }

    /** Where the callback goes; empty when the feature is off. */
    Optional<URI> target() {
        return Optional.ofNullable(onPublishUrl).map(OnPublishProperties::parse);
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url, "not a URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw invalid(url, "scheme '" + uri.getScheme() + "'");
        }
        if (uri.getHost() == null) {
            throw invalid(url, "no host");
        }
        if (uri.getRawUserInfo() != null) {
            // It would not be sent as credentials, only leak into logs.
            throw invalid(url, "user info in the URL");
        }
        // Some HTTP clients only recognise a lower-case scheme; the rest of the URL is kept exactly as written.
        return scheme.equals(uri.getScheme())
                ? uri
                : URI.create(scheme + url.substring(uri.getScheme().length()));
    }

    /**
     * Names the URL without its query, which may carry a shared secret the control plane checks, and never the user info
     * for the same reason.
     */
    private static IllegalArgumentException invalid(String url, String problem) {
        String shown = url.replaceAll("\\p{Cntrl}", "?");
        int query = shown.indexOf('?');
        if (query >= 0) {
            shown = shown.substring(0, query) + "?...";
        }
        shown = shown.replaceFirst("//[^/?#@]*@", "//...@");
        return new IllegalArgumentException("streamgate.sim.on-publish-url: '" + shown + "' is invalid: " + problem
                + " (expected: an absolute http:// or https:// URL with a host, or empty to turn the callback off; set"
                + " STREAMGATE_SIM_ON_PUBLISH_URL)");
    }
}
