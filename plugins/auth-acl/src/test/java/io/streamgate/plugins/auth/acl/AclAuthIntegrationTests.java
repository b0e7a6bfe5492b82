package io.streamgate.plugins.auth.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.PluginApi;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthBackendFactory;
import io.streamgate.plugin.api.auth.PlayRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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

/** Loads the packaged plugin jar through PF4J, as a host does, and checks requests with it. */
@Tag("integration")
class AclAuthIntegrationTests {

    static final Path JAR = Paths.get("target", "auth-acl-0.1.0-SNAPSHOT.jar");

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
                        .contains(AclAuthFactory.class.getName());
            }
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Id"))
                    .isEqualTo("auth-acl");
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Requires"))
                    .isEqualTo(">=1.0.0 & <2.0.0");
            // its own library shaded in; the contract left to the host
            assertThat(jar.getEntry("inet/ipaddr/IPAddress.class")).isNotNull();
            assertThat(jar.getEntry("com/maxmind/db/Reader.class")).isNotNull();
            assertThat(jar.getEntry("io/streamgate/plugin/api/PluginApi.class")).isNull();
            assertThat(jar.getEntry("org/pf4j/ExtensionPoint.class")).isNull();
        }
        assertThat(pluginManager.getPlugin("auth-acl").getPluginState()).isEqualTo(PluginState.STARTED);
    }

    @Test
    void loadedFactoryAppliesLists() {
        AuthBackendFactory factory = factory("acl");
        assertThat(factory.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);

        AuthBackend backend = factory.create(
                Settings.of(Map.of(
                        "allow_ips", List.of("203.0.113.0/24", "2001:db8::/32"),
                        "deny_referers", List.of("*.pirate.example"))),
                null);

        AclAuthBackendTests.assertDecision(backend, request("203.0.113.9", null), null);
        AclAuthBackendTests.assertDecision(backend, request("2001:db8::9", null), null);
        AclAuthBackendTests.assertDecision(backend, request("198.51.100.1", null), "client IP not in allow_ips");
        AclAuthBackendTests.assertDecision(
                backend, request("203.0.113.9", "https://www.pirate.example/"), "referer host in deny_referers");
        assertThatThrownBy(() -> factory.create(Settings.of(Map.of("deny_ips", List.of("10.0.0.1", "nope"))), null))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("deny_ips[1]: ");
    }

    @Test
    void loadedFactoryAppliesCountryListsFromAGeneratedDatabase() throws IOException {
        // outside the plugins folder, where an operator keeps it
        Path database = Files.createTempFile("GeoLite2-Country", ".mmdb");
        try {
            MaxMindDbWriter.ipv6("GeoLite2-Country")
                    .country("203.0.113.0/24", "FR")
                    .country("198.51.100.0/24", "DE")
                    .country("2001:db8::/32", "JP")
                    .write(database);
            AuthBackendFactory factory = factory("acl");

            AuthBackend backend = factory.create(
                    Settings.of(Map.of(
                            "geoip_database", database.toString(),
                            "allow_countries", List.of("FR", "DE", "JP"),
                            "deny_countries", List.of("DE"))),
                    null);

            AclAuthBackendTests.assertDecision(backend, request("203.0.113.9", null), null);
            AclAuthBackendTests.assertDecision(backend, request("::ffff:203.0.113.9", null), null);
            AclAuthBackendTests.assertDecision(backend, request("2001:db8::9", null), null);
            AclAuthBackendTests.assertDecision(
                    backend, request("198.51.100.1", null), "client country in deny_countries");
            AclAuthBackendTests.assertDecision(
                    backend, request("192.0.2.1", null), "client country not in allow_countries");
            assertThatThrownBy(() -> factory.create(Settings.of(Map.of("allow_countries", List.of("FR"))), null))
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageStartingWith("allow_countries: requires geoip_database");
            assertThatThrownBy(() -> factory.create(
                            Settings.of(Map.of(
                                    "geoip_database", database.toString(), "deny_countries", List.of("FR", "UK"))),
                            null))
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageStartingWith("deny_countries[1]: ");
        } finally {
            Files.deleteIfExists(database);
        }
    }

    AuthBackendFactory factory(String type) {
        // by plugin id: the test class path holds this module's own classes and index too, which a plain lookup
        // would also return
        List<AuthBackendFactory> factories = pluginManager.getExtensions(AuthBackendFactory.class, "auth-acl");
        return factories.stream()
                .filter(f -> f.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no factory of type " + type + " in " + factories));
    }

    static PlayRequest request(String ip, String referer) {
        return new PlayRequest("42", "live", ip, null, referer, "test-player", "hls", "session-1");
    }
}
