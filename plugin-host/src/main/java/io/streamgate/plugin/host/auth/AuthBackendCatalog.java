package io.streamgate.plugin.host.auth;

import io.streamgate.plugin.api.auth.AuthBackendFactory;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Where {@link AuthGuard} finds factories by type; the plugin host is one, tests build one from instances. */
public interface AuthBackendCatalog {

    /** The factory for a type, if a loaded plugin provides it. */
    Optional<AuthBackendFactory> authBackendFactory(String type);

    /** Every type available now, sorted. */
    SortedSet<String> authBackendTypes();

    /** A fixed catalog; a later factory with the same type replaces an earlier one. */
    static AuthBackendCatalog of(Collection<? extends AuthBackendFactory> factories) {
        Map<String, AuthBackendFactory> byType = new TreeMap<>();
        factories.forEach(factory -> byType.put(factory.type(), factory));
        SortedSet<String> types = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(byType.keySet()));
        return new AuthBackendCatalog() {
            @Override
            public Optional<AuthBackendFactory> authBackendFactory(String type) {
                return Optional.ofNullable(byType.get(type));
            }

            @Override
            public SortedSet<String> authBackendTypes() {
                return types;
            }
        };
    }
}
