package io.streamgate.control.stream;

import io.streamgate.control.auth.AuthChains;
import io.streamgate.control.streamer.Region;
import io.streamgate.control.web.FieldProblem;
import io.streamgate.control.web.PathNames;
import io.streamgate.control.web.ProblemException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    /** The stream name from the raw (still percent-encoded) last path segment. */
    static String nameFromRawSegment(String raw) {
        return PathNames.fromRawSegment(raw);
    }

    static ProblemException invalidName(String value) {
        return PathNames.invalid(value);
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
        errors.addAll(AuthChains.shape(request.authChain(), "auth_chain"));
        String mode = request.playbackMode();
        if (mode != null && !PLAYBACK_MODES.contains(mode)) {
            errors.add(new FieldProblem(
                    "playback_mode", "playback_mode: '" + printable(mode) + "' (expected: rewrite or redirect)"));
        }
        String region = request.region();
        if (region != null && !Region.isValid(region)) {
            errors.add(new FieldProblem(
                    "region",
                    "region: '" + printable(region) + "' (expected: " + Region.PATTERN + ", or null for any region)"));
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
        if (StreamInput.PUBLISH.equals(url)) {
            // Flussonic's way of saying "an encoder publishes to us"; java.net.URI refuses its empty authority.
            return null;
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
