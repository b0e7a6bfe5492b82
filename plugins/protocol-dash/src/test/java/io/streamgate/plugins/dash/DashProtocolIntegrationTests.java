package io.streamgate.plugins.dash;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.plugin.api.PluginApi;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.protocol.ManifestTemplate;
import io.streamgate.plugin.api.protocol.PlaybackProtocol;
import io.streamgate.plugin.api.protocol.PlaybackProtocolFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/** The packaged jar, loaded through PF4J as a host would load it. */
@Tag("integration")
class DashProtocolIntegrationTests {

    private static final String PLUGIN_ID = "protocol-dash";
    private static final Path JAR = Path.of("target", PLUGIN_ID + "-0.1.0-SNAPSHOT.jar");

    @TempDir
    Path pluginsFolder;

    private PluginManager plugins;

    @BeforeEach
    void loadThePackagedJar() throws IOException {
        Files.copy(JAR, pluginsFolder.resolve(JAR.getFileName()));
        DefaultPluginManager manager = new DefaultPluginManager(pluginsFolder);
        manager.setSystemVersion(PluginApi.VERSION);
        manager.loadPlugins();
        manager.startPlugins();
        plugins = manager;
    }

    @AfterEach
    void unload() {
        // One by one: PF4J 3.15's stopPlugins() iterates a list it modifies.
        plugins.unloadPlugin(PLUGIN_ID);
    }

    @Test
    void theJarIndexesItsFactory() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            var entry = jar.getEntry("META-INF/extensions.idx");
            assertThat(entry).isNotNull();
            String index = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(index).contains(DashProtocolFactory.class.getName());
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Id"))
                    .isEqualTo(PLUGIN_ID);
        }
    }

    @Test
    void theLoadedFactoryRewritesAnMpd() {
        assertThat(plugins.getPlugin(PLUGIN_ID).getPluginState()).isEqualTo(PluginState.STARTED);
        List<PlaybackProtocolFactory> factories = plugins.getExtensions(PlaybackProtocolFactory.class, PLUGIN_ID);
        PlaybackProtocolFactory factory = factories.stream()
                .filter(f -> f.type().equals("dash"))
                .findFirst()
                .orElseThrow();
        assertThat(factory.getClass().getClassLoader()).isSameAs(plugins.getPluginClassLoader(PLUGIN_ID));

        PlaybackProtocol protocol = factory.create(Settings.of(null));
        ManifestTemplate template = protocol.prepare("<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\"><Period>"
                + "<AdaptationSet><SegmentTemplate media=\"$RepresentationID$/$Number$.m4s\" "
                + "initialization=\"$RepresentationID$/init.mp4\"/></AdaptationSet></Period></MPD>");

        assertThat(protocol.isEntryManifest("index.mpd")).isTrue();
        assertThat(template.render(reference -> "http://s1/11_live/" + reference + "?sg_sig=abc&sg_exp=1"))
                .isEqualTo("<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\"><Period><AdaptationSet><SegmentTemplate "
                        + "media=\"http://s1/11_live/$RepresentationID$/$Number$.m4s?sg_sig=abc&amp;sg_exp=1\" "
                        + "initialization=\"http://s1/11_live/$RepresentationID$/init.mp4?sg_sig=abc&amp;sg_exp=1\"/>"
                        + "</AdaptationSet></Period></MPD>");
    }
}
