package io.streamgate.gateway.auth;

import io.streamgate.domain.snapshot.ConfigSnapshot.AuthBackendEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;
import io.streamgate.plugin.host.auth.AuthChain;
import io.streamgate.plugin.host.auth.GuardedAuthBackend;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The auth chains of one snapshot, resolved once per distinct chain rather than once per stream: a stream uses its
 * project's default chain or a chain of its own naming, and a cloud has as many of those as projects and distinct
 * naming lists, however many streams. Immutable; it is published inside the snapshot index, so a stream and its chain
 * always come from the same config version.
 */
public final class AuthChains {

    private static final AuthChains NONE = new AuthChains(Map.of(), Map.of(), Map.of());

    /** Backends by (project, name), kept so that the next snapshot can reuse unchanged ones. */
    private final Map<BackendKey, BuiltBackend> backends;

    /** Resolved chains; an empty optional is a chain that names a backend that is missing or could not be built. */
    private final Map<Long, Optional<AuthChain>> projectDefaults;

    private final Map<ChainKey, Optional<AuthChain>> named;

    AuthChains(
            Map<BackendKey, BuiltBackend> backends,
            Map<Long, Optional<AuthChain>> projectDefaults,
            Map<ChainKey, Optional<AuthChain>> named) {
        this.backends = Map.copyOf(backends);
        this.projectDefaults = Map.copyOf(projectDefaults);
        this.named = Map.copyOf(named);
    }

    /** No backends at all: every stream's chain is empty (before any snapshot, and where auth is not wired). */
    public static AuthChains none() {
        return NONE;
    }

    /**
     * The chain of {@code stream}: empty when it has none, {@code null} when it cannot be checked and must be denied.
     */
    public AuthChain chainOf(StreamEntry stream) {
        if (stream.authChain() == null) {
            Optional<AuthChain> byDefault = projectDefaults.get(stream.projectId());
            return byDefault == null ? AuthChain.empty() : byDefault.orElse(null);
        }
        if (stream.authChain().isEmpty()) {
            return AuthChain.empty();
        }
        // A chain this snapshot did not resolve (a stream from another version) is denied, never opened.
        Optional<AuthChain> own = named.get(new ChainKey(stream.projectId(), stream.authChain()));
        return own == null ? null : own.orElse(null);
    }

    BuiltBackend backend(BackendKey key) {
        return backends.get(key);
    }

    /** A backend of a project; names are unique per project only. */
    record BackendKey(long projectId, String name) {}

    /** A list of backend names as one project's stream or default names it. */
    record ChainKey(long projectId, List<String> names) {}

    /**
     * What became of one snapshot entry.
     *
     * @param entry the entry as in the snapshot, compared on the next snapshot to decide reuse
     * @param backend the guarded backend, or {@code null} when it could not be built
     */
    record BuiltBackend(AuthBackendEntry entry, GuardedAuthBackend backend) {}
}
