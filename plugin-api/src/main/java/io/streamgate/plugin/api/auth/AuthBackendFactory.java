package io.streamgate.plugin.api.auth;

import io.streamgate.plugin.api.Settings;
import org.pf4j.ExtensionPoint;

/**
 * Makes auth backends of one type. Hosts find factories through PF4J and look them up by {@link #type()}; an unknown
 * type is an error, never ignored.
 *
 * @since 1.0.0
 */
public interface AuthBackendFactory extends ExtensionPoint {

    /**
     * The stable type name operators write, e.g. {@code token}, {@code http}, {@code acl}, {@code jwt}.
     *
     * @return the type, matching {@code [a-z][a-z0-9-]{0,31}}
     * @since 1.0.0
     */
    String type();

    /**
     * Validates the settings and makes the backend. Called when an operator saves a backend (to validate) and when a
     * gateway loads a snapshot; may resolve host names through the context's HTTP guard, so hosts call it off their
     * event loops.
     *
     * @param settings the operator's settings
     * @param context what the host lends the backend
     * @return an immutable backend
     * @throws io.streamgate.plugin.api.InvalidSettingsException naming the bad key
     * @since 1.0.0
     */
    AuthBackend create(Settings settings, AuthBackendContext context);
}
