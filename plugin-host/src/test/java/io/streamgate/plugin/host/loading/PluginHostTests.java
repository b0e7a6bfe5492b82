package io.streamgate.plugin.host.loading;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackendFactory;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.host.loading.PluginStatus.State;
import io.streamgate.plugin.host.loading.fixture.AllowAllFactory;
import io.streamgate.plugin.host.loading.fixture.DenyAllFactory;
import io.streamgate.plugin.host.loading.fixture.PlainProtocolFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;
import reactor.test.StepVerifier;

class PluginHostTests {

    private static final PlayRequest REQUEST = new PlayRequest("1", "cam", "203.0.113.7", "t", null, null, "hls", "s1");

    @TempDir
    Path folder;

    @Test
    void startsAGoodPluginAndRefusesBrokenIncompatibleAndDuplicateJarsWhileTheGoodOneKeepsWorking() throws IOException {
        PluginJars.write(
                folder,
                "a-good.jar",
                "good",
                "1.0.0",
                ">=1.0.0 & <2.0.0",
                AllowAllFactory.class,
                PlainProtocolFactory.class);
        Files.write(folder.resolve("b-garbage.jar"), new byte[] {1, 2, 3, 4, 5});
        PluginJars.write(folder, "c-future.jar", "future", "3.0.0", ">=2.0.0", DenyAllFactory.class);
        PluginJars.write(folder, "d-same-id.jar", "good", "1.1.0", ">=1.0.0", DenyAllFactory.class);
        PluginJars.write(folder, "e-same-type.jar", "other", "1.0.0", ">=1.0.0 & <2.0.0", AllowAllFactory.class);

        try (PluginHost host = new PluginHost(PluginHostSettings.of(folder))) {
            host.start();

            assertThat(host.plugins())
                    .extracting(PluginStatus::jar, PluginStatus::id, PluginStatus::state, PluginStatus::message)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("a-good.jar", "good", State.STARTED, null),
                            org.assertj.core.groups.Tuple.tuple(
                                    "b-garbage.jar",
                                    null,
                                    State.REFUSED,
                                    host.plugins().get(1).message()),
                            org.assertj.core.groups.Tuple.tuple(
                                    "c-future.jar",
                                    "future",
                                    State.REFUSED,
                                    "requires plugin-api >=2.0.0, this host has "
                                            + io.streamgate.plugin.api.PluginApi.VERSION),
                            org.assertj.core.groups.Tuple.tuple(
                                    "d-same-id.jar",
                                    "good",
                                    State.REFUSED,
                                    "duplicate plugin id 'good' (already loaded from a-good.jar)"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "e-same-type.jar",
                                    "other",
                                    State.REFUSED,
                                    "duplicate auth backend type 'allow-all' (already provided by plugin 'good')"));
            assertThat(host.plugins().get(1).message()).startsWith("not a readable jar (expected: a PF4J plugin jar)");
            assertThat(host.plugins().get(0).extensionTypes()).containsExactly("auth:allow-all", "protocol:plain");
            assertThat(host.plugins().get(0).version()).isEqualTo("1.0.0");

            assertThat(host.authBackendTypes()).containsExactly("allow-all");
            assertThat(host.protocolTypes()).containsExactly("plain");
            assertThat(host.authBackendFactory("deny-all")).isEmpty();
            AuthBackendFactory factory = host.authBackendFactory("allow-all").orElseThrow();
            // The extension class comes from the jar, not from the test class path.
            assertThat(factory.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
            StepVerifier.create(factory.create(Settings.of(Map.of("cacheFor", "5s")), null)
                            .check(REQUEST))
                    .expectNext(AuthDecision.allow(Duration.ofSeconds(5)))
                    .expectComplete()
                    .verify(Duration.ofSeconds(5));
            assertThat(host.protocolFactory("plain")
                            .orElseThrow()
                            .create(Settings.of(null))
                            .accepts("a.txt"))
                    .isTrue();
        }
    }

    @Test
    void reloadPicksUpAJarCopiedInAfterStart() throws IOException {
        PluginJars.write(folder, "a-good.jar", "good", "1.0.0", ">=1.0.0 & <2.0.0", AllowAllFactory.class);
        try (PluginHost host = new PluginHost(PluginHostSettings.of(folder))) {
            host.start();
            assertThat(host.authBackendTypes()).containsExactly("allow-all");

            PluginJars.write(folder, "b-drop-in.jar", "drop-in", "0.1.0", ">=1.0.0 & <2.0.0", DenyAllFactory.class);
            assertThat(host.authBackendTypes()).containsExactly("allow-all");
            host.reload();

            assertThat(host.authBackendTypes()).containsExactly("allow-all", "deny-all");
            assertThat(host.plugins()).extracting(PluginStatus::state).containsExactly(State.STARTED, State.STARTED);
            StepVerifier.create(host.authBackendFactory("deny-all")
                            .orElseThrow()
                            .create(Settings.of(null), null)
                            .check(REQUEST))
                    .expectNextMatches(decision -> decision instanceof AuthDecision.Deny)
                    .expectComplete()
                    .verify(Duration.ofSeconds(5));
        }
    }

    @Test
    void aJarWithoutManifestOrIdOrRequiresIsRefusedWithWhatIsMissing() throws IOException {
        PluginJars.write(folder, "no-requires.jar", "loose", "1.0.0", null, AllowAllFactory.class);
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(folder.resolve("no-manifest.jar")))) {
            out.putNextEntry(new java.util.zip.ZipEntry("hello.txt"));
            out.write(1);
            out.closeEntry();
        }
        try (PluginHost host = new PluginHost(PluginHostSettings.of(folder))) {
            host.start();
            assertThat(host.plugins())
                    .extracting(PluginStatus::jar, PluginStatus::state, PluginStatus::message)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "no-manifest.jar",
                                    State.REFUSED,
                                    "no META-INF/MANIFEST.MF (expected: Plugin-Id, Plugin-Version and Plugin-Requires"
                                            + " in the manifest)"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "no-requires.jar",
                                    State.REFUSED,
                                    "Plugin-Requires: missing (expected: a plugin-api range like >=1.0.0 & <2.0.0)"));
            assertThat(host.authBackendTypes()).isEmpty();
        }
    }

    @Test
    void aPluginWithAnEmptyIndexStartsWithAHint() throws IOException {
        PluginJars.write(folder, "empty.jar", "empty", "1.0.0", ">=1.0.0");
        try (PluginHost host = new PluginHost(PluginHostSettings.of(folder))) {
            host.start();
            assertThat(host.plugins()).singleElement().satisfies(status -> {
                assertThat(status.state()).isEqualTo(State.STARTED);
                assertThat(status.message()).startsWith("no extensions found");
            });
        }
    }

    @Test
    void aMissingFolderMeansNoPlugins() {
        try (PluginHost host = new PluginHost(PluginHostSettings.of(folder.resolve("absent")))) {
            host.start();
            assertThat(host.plugins()).isEmpty();
            assertThat(host.authBackendTypes()).isEmpty();
            assertThat(host.protocolTypes()).isEmpty();
        }
    }
}
