package io.streamgate.plugin.host.auth;

import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthBackendFactory;
import io.streamgate.plugin.api.http.HttpCaller;
import java.time.Clock;
import java.util.Objects;

/**
 * Turns stored {@link AuthBackendDefinition}s into {@link GuardedAuthBackend}s through the plugins' factories.
 * Thread-safe.
 */
public final class AuthGuard {

    private final AuthBackendCatalog catalog;
    private final HttpCaller http;
    private final Clock clock;
    private final AuthGuardSettings settings;

    /**
     * @param catalog where factories are found by type, usually the {@code PluginHost}
     * @param http the guarded caller lent to backends
     * @param clock the clock for caches, breakers and backends
     * @param settings how backends are guarded
     */
    public AuthGuard(AuthBackendCatalog catalog, HttpCaller http, Clock clock, AuthGuardSettings settings) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Validates the definition's settings through its plugin and makes the guarded backend. Plugins may resolve host
     * names here (through the HTTP guard), so call it off event loops. The control API calls it on save to validate.
     *
     * @throws UnknownBackendTypeException when no loaded plugin provides the type
     * @throws io.streamgate.plugin.api.InvalidSettingsException naming the bad key
     * @throws io.streamgate.plugin.api.http.RefusedTargetException when a target in the settings is not allowed
     */
    public GuardedAuthBackend guard(AuthBackendDefinition definition) {
        AuthBackendFactory factory = catalog.authBackendFactory(definition.type())
                .orElseThrow(() -> new UnknownBackendTypeException(definition.type(), catalog.authBackendTypes()));
        AuthBackend backend = factory.create(
                definition.settings(), new BackendContext(definition.projectId(), definition.name(), clock, http));
        if (backend == null) {
            throw new IllegalStateException("type: '" + definition.type() + "' made no backend (plugin bug)");
        }
        return new GuardedAuthBackend(definition, backend, clock, settings);
    }
}
