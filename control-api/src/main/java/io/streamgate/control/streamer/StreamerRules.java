package io.streamgate.control.streamer;

import io.streamgate.control.web.FieldProblem;
import io.streamgate.control.web.ProblemException;
import io.streamgate.domain.name.StreamName;
import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Validation of a streamer registration or update; every rule names the field and what was expected. */
final class StreamerRules {

    static final int MAX_URL_LENGTH = 2048;
    /** The driver column's width, and the plugin contract's {@code [a-z][a-z0-9-]{0,31}}. */
    static final Pattern DRIVER = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private StreamerRules() {}

    /**
     * The streamer the request describes.
     *
     * @throws ProblemException naming every rejected field at once
     */
    static Streamer check(long id, StreamerRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        if (!StreamName.isValid(request.name())) {
            errors.add(new FieldProblem(
                    "name", "name: " + quoted(request.name()) + " (expected: " + StreamName.PATTERN + ")"));
        }
        String baseUrl = normalizedBaseUrl(request.baseUrl());
        if (baseUrl == null) {
            errors.add(new FieldProblem(
                    "base_url",
                    "base_url: " + quoted(request.baseUrl())
                            + " (expected: an absolute http or https URL without query, fragment or credentials)"));
        }
        if (request.region() != null && !Region.isValid(request.region())) {
            errors.add(new FieldProblem(
                    "region",
                    "region: " + quoted(request.region()) + " (expected: " + Region.PATTERN + ", or null for none)"));
        }
        Integer maxStreams = capacity("max_streams", request.maxStreams(), errors);
        Integer maxEgress = capacity("max_egress_mbps", request.maxEgressMbps(), errors);
        StreamerState state = StreamerState.ACTIVE;
        if (request.state() != null) {
            state = switch (request.state()) {
                case "active" -> StreamerState.ACTIVE;
                case "draining" -> StreamerState.DRAINING;
                case "disabled" -> StreamerState.DISABLED;
                default -> {
                    errors.add(new FieldProblem(
                            "state",
                            "state: " + quoted(request.state()) + " (expected: active, draining or disabled)"));
                    yield StreamerState.ACTIVE;
                }
            };
        }
        String driver = request.driver() == null ? ConfigSnapshot.DEFAULT_DRIVER : request.driver();
        if (!DRIVER.matcher(driver).matches()) {
            errors.add(new FieldProblem(
                    "driver", "driver: " + quoted(driver) + " (expected: a driver plugin's type, like flussonic)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.fields(errors);
        }
        Map<String, Object> settings = request.driverSettings() == null ? Map.of() : request.driverSettings();
        return new Streamer(
                id, request.name(), baseUrl, request.region(), state, driver, settings, maxStreams, maxEgress);
    }

    /** A positive int, or {@code null} (absent or JSON null) for no limit. */
    private static Integer capacity(String field, JsonNode value, List<FieldProblem> errors) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() > 0) {
            return value.intValue();
        }
        errors.add(new FieldProblem(
                field,
                field + ": " + quoted(value.toString()) + " (expected: a positive integer, or null for no limit)"));
        return null;
    }

    /** The request that describes a stored streamer, for a PATCH to apply its changes to. */
    static StreamerRequest request(Streamer streamer, JsonNode maxStreams, JsonNode maxEgressMbps) {
        return new StreamerRequest(
                streamer.name(),
                streamer.baseUrl(),
                streamer.region(),
                maxStreams,
                maxEgressMbps,
                state(streamer.state()),
                streamer.driver(),
                streamer.driverSettings());
    }

    static String state(StreamerState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** The URL without a trailing slash, or {@code null} when it is not an acceptable base URL. */
    static String normalizedBaseUrl(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_URL_LENGTH) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (Exception e) {
            return null;
        }
        String scheme = uri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return null;
        }
        if (uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            return null;
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    private static String quoted(String value) {
        if (value == null) {
            return "missing";
        }
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
