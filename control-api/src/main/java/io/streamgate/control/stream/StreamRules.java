package io.streamgate.control.stream;

import io.streamgate.control.web.FieldProblem;
import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import io.streamgate.domain.name.StreamName;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.web.util.UriUtils;

/**
 * The edge validation of the stream API. Everything is checked before anything is stored or pushed, and nothing is
 * normalised: a value is accepted as written or rejected with a message naming the field and what was expected.
 */
final class StreamRules {

    static final int MIN_INPUTS = 1;
    static final int MAX_INPUTS = 8;
    static final int MAX_URL_LENGTH = 2048;
    static final Set<String> SCHEMES = Set.of("fake", "publish", "rtmp", "rtmps", "srt", "http", "https");
    static final Set<String> PLAYBACK_MODES = Set.of("rewrite", "redirect");
    static final String DEFAULT_PLAYBACK_MODE = "rewrite";

    private StreamRules() {}

    /**
     * The stream name from the raw (still percent-encoded) last path segment. Checking the raw segment matters: the
     * router decodes {@code %2F} and drops {@code ;matrix} parameters before it binds the path variable.
     */
    static String nameFromRawSegment(String raw) {
        String decoded;
        try {
            decoded = UriUtils.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidName(raw);
        }
        if (!StreamName.isValid(decoded)) {
            throw invalidName(decoded);
        }
        return decoded;
    }

    static ProblemException invalidName(String value) {
        String message;
        try {
            new StreamName(value);
            message = "name: '" + value + "' (expected: " + StreamName.PATTERN + ")";
        } catch (IllegalArgumentException e) {
            message = e.getMessage();
        }
        return ProblemException.field(ProblemType.INVALID_NAME, "name", message);
    }

    static List<FieldProblem> check(StreamRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        List<StreamInput> inputs = request.inputs();
        if (inputs == null) {
            errors.add(new FieldProblem(
                    "inputs", "inputs: missing (expected: " + MIN_INPUTS + ".." + MAX_INPUTS + " inputs)"));
        } else if (inputs.size() < MIN_INPUTS || inputs.size() > MAX_INPUTS) {
            errors.add(new FieldProblem(
                    "inputs",
                    "inputs: " + inputs.size() + " entries (expected: " + MIN_INPUTS + ".." + MAX_INPUTS + ")"));
        } else {
            for (int i = 0; i < inputs.size(); i++) {
                String field = "inputs[" + i + "].url";
                StreamInput input = inputs.get(i);
                String problem = input == null ? "missing" : urlProblem(input.url());
                if (problem != null) {
                    errors.add(new FieldProblem(field, field + ": " + problem));
                }
            }
        }
        String mode = request.playbackMode();
        if (mode != null && !PLAYBACK_MODES.contains(mode)) {
            errors.add(new FieldProblem(
                    "playback_mode", "playback_mode: '" + printable(mode) + "' (expected: rewrite or redirect)"));
        }
        return errors;
    }

    /** Why a URL is not acceptable, or {@code null} when it is. */
    static String urlProblem(String url) {
        if (url == null || url.isEmpty()) {
            return "missing (expected: a URL like fake://test)";
        }
        if (url.length() > MAX_URL_LENGTH) {
            return url.length() + " characters (expected: at most " + MAX_URL_LENGTH + ")";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return "'" + printable(url) + "' (expected: a valid absolute URL)";
        }
        String scheme = uri.getScheme();
        if (scheme == null || !SCHEMES.contains(scheme)) {
            return "'" + printable(url) + "' (expected: scheme one of fake, publish, rtmp, rtmps, srt, http, https)";
        }
        return null;
    }

    private static String printable(String value) {
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
