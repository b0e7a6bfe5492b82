package io.streamgate.gateway.auth;

import io.streamgate.plugin.host.auth.AuthChain;
import io.streamgate.plugin.host.auth.GuardedAuthBackend;
import java.util.Map;
import java.util.Set;

/**
 * The auth chain of every stream of one snapshot, precomputed so the play path does one map look-up. Immutable; it is
 * published inside the snapshot index, so a stream and its chain always come from the same config version.
 */
public final class AuthChains {

    private static final AuthChains NONE = new AuthChains(Map.of(), Map.of(), Set.of());

    /** Backends by (project, name), kept so that the next snapshot can reuse unchanged ones. */
    private final Map<BackendKey, BuiltBackend> backends;

    private final Map<String, AuthChain> byStream;
    /** Streams whose chain names a backend that is missing or could not be built: they fail closed. */
    private final Set<String> broken;

    AuthChains(Map<BackendKey, BuiltBackend> backends, Map<String, AuthChain> byStream, Set<String> broken) {
        this.backends = Map.copyOf(backends);
        this.byStream = Map.copyOf(byStream);
        this.broken = Set.copyOf(broken);
    }

    /** No backends at all: every stream's chain is empty (before any snapshot, and where auth is not wired). */
    public static AuthChains none() {
        return NONE;
    }

    /**
     * The chain of the stream {@code internalName}: empty when it has none, {@code null} when it cannot be checked
     * and must be denied.
     */
    public AuthChain chainOf(String internalName) {
        if (broken.contains(internalName)) {
            return null;
        }
        AuthChain chain = byStream.get(internalName);
        return chain == null ? AuthChain.empty() : chain;
    }

    BuiltBackend backend(BackendKey key) {
        return backends.get(key);
    }

    /** A backend of a project; names are unique per project only. */
    record BackendKey(long projectId, String name) {}

    /**
     * What became of one snapshot entry.
     *
     * @param entry the entry as in the snapshot, compared on the next snapshot to decide reuse
     * @param backend the guarded backend, or {@code null} when it could not be built
     */
    record BuiltBackend(
            io.streamgate.domain.snapshot.ConfigSnapshot.AuthBackendEntry entry, GuardedAuthBackend backend) {}
}
