package io.streamgate.plugin.api.auth;

import io.streamgate.plugin.api.http.HttpCaller;
import java.time.Clock;

/**
 * What the host lends a backend: its identity, the clock, and guarded outbound HTTP.
 *
 * @since 1.0.0
 */
public interface AuthBackendContext {

    /**
     * The project that owns the backend.
     *
     * @return the project id in decimal
     * @since 1.0.0
     */
    String projectId();

    /**
     * The backend's name within its project.
     *
     * @return the name
     * @since 1.0.0
     */
    String backendName();

    /**
     * The clock to read time from, so tests can move it.
     *
     * @return the clock
     * @since 1.0.0
     */
    Clock clock();

    /**
     * Outbound HTTP with the host's SSRF guard.
     *
     * @return the caller
     * @since 1.0.0
     */
    HttpCaller http();
}
