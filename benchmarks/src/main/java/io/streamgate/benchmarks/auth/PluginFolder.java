package io.streamgate.benchmarks.auth;

import io.streamgate.plugin.host.loading.PluginHost;
import io.streamgate.plugin.host.loading.PluginHostSettings;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the benchmarks find the real plugin jars: {@code plugins/} beside {@code benchmarks.jar} (the build copies
 * them there), or the folder named by {@value #PROPERTY}. Public for the fixture generator of {@code load-tests/bench}.
 */
public final class PluginFolder {

    public static final String PROPERTY = "streamgate.benchmarks.plugins";

    private PluginFolder() {}

    /** A started host over the folder, with every required auth type loaded. Blocking; call it from {@code @Setup}. */
    public static PluginHost start(boolean allowPrivateTargets, List<String> requiredTypes) {
        return start(locate(), allowPrivateTargets, requiredTypes);
    }

    /** A started host over {@code folder}, with every required auth type loaded. Blocking. */
    public static PluginHost start(Path folder, boolean allowPrivateTargets, List<String> requiredTypes) {
        PluginHost host = new PluginHost(new PluginHostSettings(folder, allowPrivateTargets));
        host.start();
        if (!host.authBackendTypes().containsAll(requiredTypes)) {
            host.close();
            throw new IllegalStateException("plugins folder: '" + folder.toAbsolutePath() + "' has auth types "
                    + host.authBackendTypes() + " (expected: " + requiredTypes + "; run `./mvnw package` on the"
                    + " benchmarks module, or point -D" + PROPERTY + " at a folder with the plugin jars)");
        }
        return host;
    }

    private static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            // benchmarks.jar, or target/classes when run from an IDE: target/plugins is beside both.
            Path codeSource = Path.of(PluginFolder.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path folder = codeSource.resolveSibling("plugins");
            return Files.isDirectory(folder) ? folder : Path.of("benchmarks", "target", "plugins");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate benchmarks.jar; set -D" + PROPERTY, e);
        }
    }
}
