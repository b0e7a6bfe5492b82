package io.streamgate.plugins.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.plugin.api.PluginApi;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthBackendFactory;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.api.auth.SignedLinkIssuer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/** Loads the packaged plugin jar through PF4J, as a host does, and mints and checks links with it. */
@Tag("integration")
class TokenAuthIntegrationTests {

    static final Path JAR = Paths.get("target", "auth-token-0.1.0-SNAPSHOT.jar");
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path plugins;

    PluginManager pluginManager;

    @BeforeEach
    void loadPlugin() throws IOException {
        assertThat(JAR).as("run after package").isRegularFile();
        Files.copy(JAR, plugins.resolve(JAR.getFileName()));
        DefaultPluginManager manager = new DefaultPluginManager(plugins);
        manager.setSystemVersion(PluginApi.VERSION);
        manager.loadPlugins();
        manager.startPlugins();
        pluginManager = manager;
    }

    @AfterEach
    void unloadPlugin() {
        // unloadPlugins stops them first; PF4J 3.15's stopPlugins() trips over its own list when called before it
        pluginManager.unloadPlugins();
    }

    @Test
    void jarIsAPluginWithAnIndexedFactory() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            ZipEntry index = jar.getEntry("META-INF/extensions.idx");
            assertThat(index).isNotNull();
            try (InputStream in = jar.getInputStream(index)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .contains(TokenAuthFactory.class.getName());
            }
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Id"))
                    .isEqualTo("auth-token");
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Requires"))
                    .isEqualTo(">=1.0.0 & <2.0.0");
            // its own library shaded in; the contract left to the host
            assertThat(jar.getEntry("inet/ipaddr/IPAddress.class")).isNotNull();
            assertThat(jar.getEntry("io/streamgate/plugin/api/PluginApi.class")).isNull();
            assertThat(jar.getEntry("org/pf4j/ExtensionPoint.class")).isNull();
        }
        assertThat(pluginManager.getPlugin("auth-token").getPluginState()).isEqualTo(PluginState.STARTED);
    }

    @Test
    void loadedFactoryMintsAndChecksLinks() {
        AuthBackendFactory factory = factory("token");
        assertThat(factory.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
        MutableClock clock = new MutableClock(NOW);

        AuthBackend backend = factory.create(
                Settings.of(Map.of("keys", Map.of("k1", "secret-one-0123456"), "max_ttl", "1h")),
                new TestContext("42", "links", clock));
        assertThat(backend).isInstanceOf(SignedLinkIssuer.class);
        String token = ((SignedLinkIssuer) backend).issue("live", NOW.plusSeconds(600), "203.0.113.0/24");

        assertThat(TokenAuthBackendTests.decide(backend, request("42", "live", "203.0.113.9", token)))
                .isInstanceOf(AuthDecision.Allow.class);
        TokenAuthBackendTests.assertDenied(
                backend, request("42", "live", "198.51.100.1", token), "client address not in the token's address");
        TokenAuthBackendTests.assertDenied(backend, request("42", "other", "203.0.113.9", token), "bad signature");
        TokenAuthBackendTests.assertDenied(backend, request("43", "live", "203.0.113.9", token), "bad signature");
        clock.advance(Duration.ofSeconds(600));
        TokenAuthBackendTests.assertDenied(backend, request("42", "live", "203.0.113.9", token), "expired token");
    }

    AuthBackendFactory factory(String type) {
        // by plugin id: the test class path holds this module's own classes and index too, which a plain lookup
        // would also return
        List<AuthBackendFactory> factories = pluginManager.getExtensions(AuthBackendFactory.class, "auth-token");
        return factories.stream()
                .filter(f -> f.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no factory of type " + type + " in " + factories));
    }

    static PlayRequest request(String project, String stream, String ip, String token) {
        return new PlayRequest(project, stream, ip, token, null, "test-player", "hls", "session-1");
    }
}
