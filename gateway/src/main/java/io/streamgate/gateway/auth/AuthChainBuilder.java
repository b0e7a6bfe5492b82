package io.streamgate.gateway.auth;

import io.streamgate.domain.name.InternalStreamName;
import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.domain.snapshot.ConfigSnapshot.AuthBackendEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;
import io.streamgate.gateway.auth.AuthChains.BackendKey;
import io.streamgate.gateway.auth.AuthChains.BuiltBackend;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.host.auth.AuthBackendDefinition;
import io.streamgate.plugin.host.auth.AuthChain;
import io.streamgate.plugin.host.auth.AuthGuard;
import io.streamgate.plugin.host.auth.FailurePolicy;
import io.streamgate.plugin.host.auth.GuardedAuthBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Map<Long, ProjectEntry> projects = new HashMap<>();
        for (ProjectEntry project : snapshot.projects()) {
            projects.put(project.id(), project);
        }
        Map<String, AuthChain> byStream = new HashMap<>();
        Set<String> broken = new HashSet<>();
        for (StreamEntry stream : snapshot.streams()) {
            String internalName = InternalStreamName.format(stream.projectId(), stream.name());
            ProjectEntry project = projects.get(stream.projectId());
            List<String> names = stream.authChain() != null
                    ? stream.authChain()
                    : project == null ? List.of() : project.defaultAuthChain();
            List<GuardedAuthBackend> chain = new ArrayList<>(names.size());
            for (String name : names) {
                // Only the stream's own project is searched: a chain can never name another tenant's backend.
                BuiltBackend built = backends.get(new BackendKey(stream.projectId(), name));
                if (built == null || built.backend() == null) {
                    log.warn(
                            "Stream {} names auth backend '{}' which is {}; its players are denied",
                            internalName,
                            name,
                            built == null ? "missing" : "not usable");
                    broken.add(internalName);
                    break;
                }
                chain.add(built.backend());
            }
            if (!chain.isEmpty() && !broken.contains(internalName)) {
                byStream.put(internalName, AuthChain.of(chain));
            }
        }
        return new AuthChains(backends, byStream, broken);
    }

    private GuardedAuthBackend guard(AuthBackendEntry entry) {
        try {
            return guard.guard(definition(entry));
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

    static AuthBackendDefinition definition(AuthBackendEntry entry) {
        FailurePolicy policy =
                entry.failurePolicy() == ConfigSnapshot.FailurePolicy.OPEN ? FailurePolicy.OPEN : FailurePolicy.CLOSED;
        return new AuthBackendDefinition(
                Long.toString(entry.projectId()),
                entry.name(),
                entry.type(),
                Settings.of(entry.settings()),
                policy,
                // Zero or less: not set, use the host's default.
                entry.timeoutMillis() > 0 ? Duration.ofMillis(entry.timeoutMillis()) : null,
                entry.staleForMillis() >= 0 ? Duration.ofMillis(entry.staleForMillis()) : null);
    }
}
