package io.streamgate.plugins.driver.nginxrtmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.driver.PublishEndpoint;
import io.streamgate.plugin.api.driver.StreamerDriverFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/** The packaged plugin jar, loaded through a real PF4J manager, as a host loads it. */
@Tag("integration")
class NginxRtmpPluginIntegrationTests {

    static final Path JAR = Path.of("target", "driver-nginx-rtmp-0.1.0-SNAPSHOT.jar");

    @TempDir
    Path pluginsRoot;

    private PluginJarManager plugins;

    @AfterEach
    void unload() {
        if (plugins != null) {
            plugins.unloadPlugins();
        }
    }

    @Test
    void theJarIsAStartedPluginWithAnExtensionIndex() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            try (InputStream index = jar.getInputStream(jar.getEntry("META-INF/extensions.idx"))) {
                assertThat(new String(index.readAllBytes(), StandardCharsets.UTF_8))
                        .contains(NginxRtmpDriverFactory.class.getName());
            }
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Id"))
                    .isEqualTo("driver-nginx-rtmp");
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Requires"))
                    .isEqualTo(">=1.1.0 & <2.0.0");
        }
        StreamerDriverFactory factory = load(JAR, pluginsRoot);
        PluginWrapper plugin = plugins.getPlugin("driver-nginx-rtmp");

        assertThat(plugin.getPluginState()).isEqualTo(PluginState.STARTED);
        // Loaded from the jar, not from this module's classes on the test class path.
        assertThat(factory.getClass().getClassLoader()).isSameAs(plugin.getPluginClassLoader());
        assertThat(factory.create(
                                Settings.of(Map.of("rtmp_url", "rtmp://10.0.0.7:1935/live")),
                                new TestContext(URI.create("http://10.0.0.7:8080"), new TestHttpCaller()))
                        .publishEndpoints("1_cam", "t"))
                .isEqualTo(List.of(new PublishEndpoint("rtmp", "rtmp://10.0.0.7:1935/live/1_cam?token=t")));
    }

    private StreamerDriverFactory load(Path jar, Path folder) throws IOException {
        Files.copy(jar, folder.resolve(jar.getFileName()));
        plugins = new PluginJarManager(folder);
        plugins.loadPlugins();
        plugins.startPlugins();
        return loadedFactory(plugins);
    }

    /** By plugin id: this module's own classes on the test class path also carry an index PF4J would read. */
    static StreamerDriverFactory loadedFactory(PluginJarManager plugins) {
        return plugins.getExtensions(StreamerDriverFactory.class, "driver-nginx-rtmp").stream()
                .filter(f -> f.type().equals("nginx-rtmp"))
                .findFirst()
                .orElseThrow();
    }
}
