package io.streamgate.control.template;

import io.streamgate.control.auth.AuthChains;
import io.streamgate.control.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The edge validation of templates: every value accepted as written or rejected naming the field. */
final class TemplateRules {

    /** A prefix leaves room for at least one more character, so every stream under it is still a valid name. */
    static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Set<String> PLAYBACK_MODES = Set.of("rewrite", "redirect");
    static final String DEFAULT_PLAYBACK_MODE = "rewrite";

    private TemplateRules() {}

    static List<FieldProblem> check(TemplateRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        if (request.prefix() == null || !PREFIX.matcher(request.prefix()).matches()) {
            errors.add(new FieldProblem(
                    "prefix", "prefix: " + quoted(request.prefix()) + " (expected: " + PREFIX.pattern() + ")"));
        }
        if (request.playbackMode() != null && !PLAYBACK_MODES.contains(request.playbackMode())) {
            errors.add(new FieldProblem(
                    "playback_mode",
                    "playback_mode: " + quoted(request.playbackMode()) + " (expected: rewrite or redirect)"));
        }
        if (request.region() != null && !REGION.matcher(request.region()).matches()) {
            errors.add(new FieldProblem(
                    "region", "region: " + quoted(request.region()) + " (expected: " + REGION.pattern() + ")"));
        }
        errors.addAll(AuthChains.shape(request.authChain(), "auth_chain"));
        return errors;
    }

    private static String quoted(String value) {
        if (value == null) {
            return "missing";
        }
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
