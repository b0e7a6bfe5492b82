package io.streamgate.control.auth;

import io.streamgate.control.web.FieldProblem;
import io.streamgate.control.web.ProblemException;
import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.host.auth.FailurePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The edge validation of an auth backend: what the host needs (type, failure policy, timeout, stale limit). The
 * settings are the plugin's to judge, on save, through the auth guard.
 */
final class AuthBackendRules {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_STALE_FOR = Duration.ofMinutes(5);
    static final Duration MAX_STALE_FOR = Duration.ofHours(24);
    static final int MAX_TYPE_LENGTH = 64;

    /** A request that passed; defaults filled in. */
    record Checked(String type, FailurePolicy failurePolicy, Duration timeout, Duration staleFor) {}

    private AuthBackendRules() {}

    /**
     * The checked values.
     *
     * @throws ProblemException naming every rejected field at once
     */
    static Checked check(AuthBackendRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        String type = request.type();
        if (type == null || type.isBlank() || type.length() > MAX_TYPE_LENGTH) {
            errors.add(new FieldProblem(
                    "type", "type: " + quoted(type) + " (expected: a plugin's auth backend type, like http)"));
        }
        FailurePolicy policy = FailurePolicy.CLOSED;
        if (request.failurePolicy() != null) {
            if (request.failurePolicy().equals("open")) {
                policy = FailurePolicy.OPEN;
            } else if (!request.failurePolicy().equals("closed")) {
                errors.add(new FieldProblem(
                        "failure_policy",
                        "failure_policy: " + quoted(request.failurePolicy()) + " (expected: open or closed)"));
            }
        }
        Duration timeout = duration("timeout", request.timeout(), DEFAULT_TIMEOUT, MIN_TIMEOUT, MAX_TIMEOUT, errors);
        Duration staleFor =
                duration("stale_for", request.staleFor(), DEFAULT_STALE_FOR, Duration.ZERO, MAX_STALE_FOR, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.fields(errors);
        }
        return new Checked(type, policy, timeout, staleFor);
    }

    /** The same duration syntax and messages as plugin settings ({@code 100ms}, {@code 2s}, {@code 5m}, ISO-8601). */
    private static Duration duration(
            String field, String value, Duration fallback, Duration min, Duration max, List<FieldProblem> errors) {
        if (value == null) {
            return fallback;
        }
        try {
            return Settings.of(Map.of(field, value)).duration(field, fallback, min, max);
        } catch (InvalidSettingsException e) {
            errors.add(new FieldProblem(field, e.getMessage()));
            return fallback;
        }
    }

    /** A duration in the largest unit that writes it exactly: {@code 2s}, {@code 5m}, {@code 150ms}. */
    static String format(long millis) {
        if (millis == 0) {
            return "0s";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    private static String quoted(String value) {
        if (value == null) {
            return "missing";
        }
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
