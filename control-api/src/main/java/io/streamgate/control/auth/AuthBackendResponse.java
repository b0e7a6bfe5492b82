package io.streamgate.control.auth;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** An auth backend as the operator API shows it; durations in the form the operator writes them ({@code 2s}). */
record AuthBackendResponse(
        String name,
        String type,
        Map<String, Object> settings,
        String failurePolicy,
        String timeout,
        String staleFor,
        Instant createdAt,
        Instant updatedAt) {

    static AuthBackendResponse of(StoredAuthBackend stored) {
        return new AuthBackendResponse(
                stored.name(),
                stored.type(),
                stored.settings(),
                stored.failurePolicy().name().toLowerCase(Locale.ROOT),
                AuthBackendRules.format(stored.timeoutMillis()),
                AuthBackendRules.format(stored.staleForMillis()),
                stored.createdAt(),
                stored.updatedAt());
    }
}
