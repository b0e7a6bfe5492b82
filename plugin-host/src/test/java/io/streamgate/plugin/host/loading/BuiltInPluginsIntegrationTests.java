package io.streamgate.plugin.host.loading;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.plugin.host.loading.PluginStatus.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the packaged built-in plugins ({@code ../plugins/<id>/target/<id>-0.1.0-SNAPSHOT.jar}, never the shade
 * plugin's {@code original-*} jars) through the real host. The reactor builds the plugins first; a build without
 * any packaged plugin fails here rather than passing on nothing.
 */
@Tag("integration")
class BuiltInPluginsIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void everyPackagedBuiltInPluginStartsWithItsExtensions() throws IOException {
        List<Path> jars = packagedPlugins(Path.of("..", "plugins"));
        assertThat(jars).as("packaged plugin jars under ../plugins/*/target").isNotEmpty();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                var index = file.getEntry("META-INF/extensions.idx");
                assertThat(index).as(jar + " META-INF/extensions.idx").isNotNull();
                String text =
                        new String(file.getInputStream(index).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")))
                        .as(jar + " extensions.idx entries")
                        .isNotEmpty();
            }
            Files.copy(jar, folder.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }

        try (PluginHost host = new PluginHost(PluginHostSettings.of(folder))) {
            host.start();
            assertThat(host.plugins()).hasSize(jars.size()).allSatisfy(status -> {
                assertThat(status.state())
                        .as(status.jar() + ": " + status.message())
                        .isEqualTo(State.STARTED);
                assertThat(status.extensionTypes()).as(status.jar()).isNotEmpty();
            });
        }
    }

    private static List<Path> packagedPlugins(Path pluginsRoot) throws IOException {
        List<Path> jars = new ArrayList<>();
        if (!Files.isDirectory(pluginsRoot)) {
            return jars;
        }
        try (Stream<Path> modules = Files.list(pluginsRoot)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                Path jar = module.resolve("target").resolve(module.getFileName() + "-0.1.0-SNAPSHOT.jar");
                if (Files.isRegularFile(jar)) {
                    jars.add(jar);
                }
            }
        }
        return jars;
    }
}
