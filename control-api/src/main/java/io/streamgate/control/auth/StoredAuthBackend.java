package io.streamgate.control.auth;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.host.auth.AuthBackendDefinition;
import io.streamgate.plugin.host.auth.FailurePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An {@code auth_backends} row; settings are JSON values (which may hold nulls, so no {@code Map.copyOf}). */
record StoredAuthBackend(
        long projectId,
        String name,
        String type,
        Map<String, Object> settings,
        FailurePolicy failurePolicy,
        long timeoutMillis,
        long staleForMillis,
        Instant createdAt,
        Instant updatedAt) {

    StoredAuthBackend {
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The definition its plugin validates and the host guards. */
    AuthBackendDefinition definition() {
        return new AuthBackendDefinition(
                Long.toString(projectId),
                name,
                type,
                Settings.of(settings),
                failurePolicy,
                Duration.ofMillis(timeoutMillis),
                Duration.ofMillis(staleForMillis));
    }
}
