package io.streamgate.gateway.auth;

import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.domain.snapshot.ConfigSnapshot.AuthBackendEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;
import io.streamgate.gateway.auth.AuthChains.BackendKey;
import io.streamgate.gateway.auth.AuthChains.BuiltBackend;
import io.streamgate.gateway.auth.AuthChains.ChainKey;
import io.streamgate.plugin.host.auth.AuthBackendDefinition;
import io.streamgate.plugin.host.auth.AuthChain;
import io.streamgate.plugin.host.auth.AuthGuard;
import io.streamgate.plugin.host.auth.GuardedAuthBackend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a snapshot's auth backends and chains into {@link AuthChains}. An entry equal to the previous snapshot's
 * keeps its guarded backend, so decision caches and circuit breakers survive config changes elsewhere. Blocking
 * (plugins may resolve host names while validating): call it off event loops.
 */
public final class AuthChainBuilder {

    private static final Logger log = LoggerFactory.getLogger(AuthChainBuilder.class);

    private final AuthGuard guard;

    public AuthChainBuilder(AuthGuard guard) {
        this.guard = guard;
    }

    /**
     * @param previous the chains of the snapshot held so far; {@link AuthChains#none()} to build every backend anew
     *     (after a plugin reload, when the previous backends' classes are gone)
     */
    public AuthChains build(ConfigSnapshot snapshot, AuthChains previous) {
        Map<BackendKey, BuiltBackend> backends = new HashMap<>();
        for (AuthBackendEntry entry : snapshot.authBackends()) {
            BackendKey key = new BackendKey(entry.projectId(), entry.name());
            if (backends.containsKey(key)) {
                log.error(
                        "Auth backend {}/{} appears twice in snapshot {}; the first one is used",
                        entry.projectId(),
                        entry.name(),
                        snapshot.version());
                continue;
            }
            BuiltBackend held = previous.backend(key);
            if (held != null && held.backend() != null && held.entry().equals(entry)) {
                backends.put(key, held);
            } else {
                backends.put(key, new BuiltBackend(entry, guard(entry)));
            }
        }
        Map<Long, Optional<AuthChain>> projectDefaults = new HashMap<>();
        for (ProjectEntry project : snapshot.projects()) {
            if (!project.defaultAuthChain().isEmpty()) {
                projectDefaults.put(
                        project.id(), resolve(backends, project.id(), project.defaultAuthChain(), snapshot.version()));
            }
        }
        Map<ChainKey, Optional<AuthChain>> named = new HashMap<>();
        for (StreamEntry stream : snapshot.streams()) {
            if (stream.authChain() != null && !stream.authChain().isEmpty()) {
                named.computeIfAbsent(
                        new ChainKey(stream.projectId(), stream.authChain()),
                        key -> resolve(backends, key.projectId(), key.names(), snapshot.version()));
            }
        }
        return new AuthChains(backends, projectDefaults, named);
    }

    /** One chain of one project's backends, or empty when a name cannot be used (its players are denied). */
    private static Optional<AuthChain> resolve(
            Map<BackendKey, BuiltBackend> backends, long projectId, List<String> names, long version) {
        List<GuardedAuthBackend> chain = new ArrayList<>(names.size());
        for (String name : names) {
            // Only the chain's own project is searched: a chain can never name another tenant's backend.
            BuiltBackend built = backends.get(new BackendKey(projectId, name));
            if (built == null || built.backend() == null) {
                log.warn(
                        "Auth chain {} of project {} in snapshot {} names backend '{}' which is {}; its players are"
                                + " denied",
                        names,
                        projectId,
                        version,
                        name,
                        built == null ? "missing" : "not usable");
                return Optional.empty();
            }
            chain.add(built.backend());
        }
        return Optional.of(AuthChain.of(chain));
    }

    private GuardedAuthBackend guard(AuthBackendEntry entry) {
        try {
            return guard.guard(AuthBackendDefinition.of(entry));
        } catch (RuntimeException e) {
            // Unknown type (its plugin removed), invalid settings, refused target: fail closed, keep serving the rest.
            log.error(
                    "Auth backend {}/{} (type '{}') could not be built; every chain naming it denies: {}",
                    entry.projectId(),
                    entry.name(),
                    entry.type(),
                    e.getMessage());
            return null;
        }
    }
}
