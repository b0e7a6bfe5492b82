package io.streamgate.control.web;

import io.streamgate.domain.name.StreamName;
import java.nio.charset.StandardCharsets;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriUtils;

/**
 * Names (of streams, auth backends) taken from a raw, still percent-encoded path segment. Checking the raw segment
 * matters: the router decodes {@code %2F} and drops {@code ;matrix} parameters before it binds a path variable.
 */
public final class PathNames {

    private PathNames() {}

    /**
     * The name in the path segment {@code fromEnd} segments before the last ({@code 0} = the last one), validated.
     *
     * @throws ProblemException an {@code invalid-name} problem naming the field {@code name}
     */
    public static String segment(ServerHttpRequest request, int fromEnd) {
        var elements = request.getPath().pathWithinApplication().elements().stream()
                .filter(PathContainer.PathSegment.class::isInstance)
                .toList();
        return fromRawSegment(elements.get(elements.size() - 1 - fromEnd).value());
    }

    /** The decoded name, if it is one. */
    public static String fromRawSegment(String raw) {
        String decoded;
        try {
            decoded = UriUtils.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(raw);
        }
        if (!StreamName.isValid(decoded)) {
            throw invalid(decoded);
        }
        return decoded;
    }

    /** The {@code invalid-name} problem for a value, with the rule's own words. */
    public static ProblemException invalid(String value) {
        String message;
        try {
            new StreamName(value);
            message = "name: '" + value + "' (expected: " + StreamName.PATTERN + ")";
        } catch (IllegalArgumentException e) {
            message = e.getMessage();
        }
        return ProblemException.field(ProblemType.INVALID_NAME, "name", message);
    }
}
