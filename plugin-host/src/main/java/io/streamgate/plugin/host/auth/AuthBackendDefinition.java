package io.streamgate.plugin.host.auth;

import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.domain.snapshot.ConfigSnapshot.AuthBackendEntry;
import io.streamgate.plugin.api.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * An operator's auth backend as stored: which plugin type, its settings, and how the host guards it.
 *
 * @param projectId the owning project (tenant)
 * @param name the backend's name within the project
 * @param type the plugin type, e.g. {@code http}
 * @param settings the plugin's settings; {@code null} means none
 * @param failurePolicy what to answer when the backend cannot
 * @param timeout the most one check may take; {@code null} means {@link AuthGuardSettings#defaultTimeout()}
 * @param staleFor how long after it was decided a cached decision may still be served while the backend is failing;
 *     {@code null} means {@link AuthGuardSettings#defaultStaleFor()}, zero means never
 */
public record AuthBackendDefinition(
        String projectId,
        String name,
        String type,
        Settings settings,
        FailurePolicy failurePolicy,
        Duration timeout,
        Duration staleFor) {

    public AuthBackendDefinition {
        requireText(projectId, "projectId");
        requireText(name, "name");
        requireText(type, "type");
        Objects.requireNonNull(failurePolicy, "failurePolicy");
        settings = settings == null ? Settings.of(Map.of()) : settings;
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: positive)");
        }
        if (staleFor != null && staleFor.isNegative()) {
            throw new IllegalArgumentException("staleFor: " + staleFor + " (expected: zero or positive)");
        }
    }

    /**
     * The definition of a snapshot's auth backend entry, as the gateway builds its chains from it: a timeout of zero or
     * less and a negative stale time mean the host's defaults.
     */
    public static AuthBackendDefinition of(AuthBackendEntry entry) {
        return new AuthBackendDefinition(
                Long.toString(entry.projectId()),
                entry.name(),
                entry.type(),
                Settings.of(entry.settings()),
                entry.failurePolicy() == ConfigSnapshot.FailurePolicy.OPEN ? FailurePolicy.OPEN : FailurePolicy.CLOSED,
                entry.timeoutMillis() > 0 ? Duration.ofMillis(entry.timeoutMillis()) : null,
                entry.staleForMillis() >= 0 ? Duration.ofMillis(entry.staleForMillis()) : null);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": '" + value + "' (expected: non-blank)");
        }
    }
}
