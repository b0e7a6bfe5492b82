package io.streamgate.control.streamer;

import io.streamgate.control.web.FieldProblem;
import io.streamgate.domain.name.StreamName;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Validation of a streamer registration; every rule names the field and what was expected. */
final class StreamerRules {

    static final int MAX_URL_LENGTH = 2048;

    private StreamerRules() {}

    static List<FieldProblem> check(StreamerRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        if (!StreamName.isValid(request.name())) {
            errors.add(new FieldProblem(
                    "name", "name: '" + printable(request.name()) + "' (expected: " + StreamName.PATTERN + ")"));
        }
        if (normalizedBaseUrl(request.baseUrl()) == null) {
            errors.add(new FieldProblem(
                    "base_url",
                    "base_url: '" + printable(request.baseUrl())
                            + "' (expected: an absolute http or https URL without query, fragment or credentials)"));
        }
        return errors;
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

    private static String printable(String value) {
        if (value == null) {
            return "null";
        }
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
