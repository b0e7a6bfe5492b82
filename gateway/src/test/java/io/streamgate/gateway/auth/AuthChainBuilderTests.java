package io.streamgate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.domain.snapshot.ConfigSnapshot.AuthBackendEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.FailurePolicy;
import io.streamgate.domain.snapshot.ConfigSnapshot.PlaybackMode;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.ProjectStatus;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;
import io.streamgate.gateway.MutableClock;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthBackendContext;
import io.streamgate.plugin.api.auth.AuthBackendFactory;
import io.streamgate.plugin.host.auth.AuthBackendCatalog;
import io.streamgate.plugin.host.auth.AuthChain;
import io.streamgate.plugin.host.auth.AuthGuard;
import io.streamgate.plugin.host.auth.AuthGuardSettings;
import io.streamgate.plugin.host.http.GuardedHttpCaller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class AuthChainBuilderTests {

    private static final long P = 101;
    private static final long Q = 202;

    private final AuthChainBuilder builder = new AuthChainBuilder(new AuthGuard(
            AuthBackendCatalog.of(List.of(new NeverFactory())),
            new GuardedHttpCaller(true),
            new MutableClock(),
            AuthGuardSettings.defaults()));

    @Test
    void streamsResolveTheirOwnChainOrTheirProjectsDefault() {
        AuthChains chains = builder.build(
                snapshot(
                        List.of(project(P, List.of("a")), project(Q, List.of())),
                        List.of(backend(P, "a", "never"), backend(P, "b", "never"), backend(Q, "a", "never")),
                        stream(P, "y", List.of("b", "a")),
                        stream(P, "w", List.of("b", "a"))),
                AuthChains.none());

        AuthChain byDefault = chains.chainOf(stream(P, "x", null));
        assertThat(names(byDefault)).containsExactly("a");
        assertThat(names(chains.chainOf(stream(P, "y", List.of("b", "a"))))).containsExactly("b", "a");
        // An explicit empty chain opens the stream even where the project has a default.
        assertThat(chains.chainOf(stream(P, "z", List.of())).backends()).isEmpty();
        assertThat(chains.chainOf(stream(Q, "x", null)).backends()).isEmpty();
        // One chain object per distinct chain, however many streams use it.
        assertThat(chains.chainOf(stream(P, "other", null))).isSameAs(byDefault);
        assertThat(chains.chainOf(stream(P, "w", List.of("b", "a"))))
                .isSameAs(chains.chainOf(stream(P, "y", List.of("b", "a"))));
    }

    @Test
    void aChainNamingAMissingUnusableOrForeignBackendDenies() {
        AuthChains chains = builder.build(
                snapshot(
                        List.of(project(P, List.of("gone")), project(Q, List.of())),
                        List.of(backend(P, "a", "never"), backend(P, "odd", "no-such-type"), backend(Q, "q", "never")),
                        stream(P, "y", List.of("a", "odd")),
                        stream(P, "z", List.of("q")),
                        stream(P, "ok", List.of("a"))),
                AuthChains.none());

        assertThat(chains.chainOf(stream(P, "elsewhere", List.of("b"))))
                .as("a chain the snapshot never resolved")
                .isNull();

        assertThat(chains.chainOf(stream(P, "x", null))).isNull();
        assertThat(chains.chainOf(stream(P, "y", List.of("a", "odd")))).isNull();
        assertThat(chains.chainOf(stream(P, "z", List.of("q")))).isNull();
        assertThat(names(chains.chainOf(stream(P, "ok", List.of("a"))))).containsExactly("a");
    }

    @Test
    void anUnchangedBackendIsReusedAcrossSnapshots() {
        ConfigSnapshot first = snapshot(List.of(project(P, List.of("a"))), List.of(backend(P, "a", "never")));
        AuthChains before = builder.build(first, AuthChains.none());
        AuthChains after = builder.build(first, before);
        assertThat(after.chainOf(stream(P, "x", null)).backends().get(0))
                .isSameAs(before.chainOf(stream(P, "x", null)).backends().get(0));
    }

    private static List<String> names(AuthChain chain) {
        List<String> names = new ArrayList<>();
        chain.backends().forEach(backend -> names.add(backend.definition().name()));
        return names;
    }

    private static ConfigSnapshot snapshot(
            List<ProjectEntry> projects, List<AuthBackendEntry> backends, StreamEntry... streams) {
        return new ConfigSnapshot(1, projects, List.of(), List.of(streams), backends);
    }

    private static ProjectEntry project(long id, List<String> defaultChain) {
        return new ProjectEntry(id, "p" + id, List.of("p" + id + ".test"), ProjectStatus.ACTIVE, defaultChain);
    }

    private static AuthBackendEntry backend(long project, String name, String type) {
        return new AuthBackendEntry(project, name, type, Map.of(), FailurePolicy.CLOSED, 0, -1);
    }

    private static StreamEntry stream(long project, String name, List<String> chain) {
        return new StreamEntry(project, name, PlaybackMode.REWRITE, List.of(1L), chain);
    }

    /** A backend type whose backends never get asked here. */
    static final class NeverFactory implements AuthBackendFactory {
        @Override
        public String type() {
            return "never";
        }

        @Override
        public AuthBackend create(Settings settings, AuthBackendContext context) {
            return request -> Mono.error(new IllegalStateException("not asked in these tests"));
        }
    }
}
