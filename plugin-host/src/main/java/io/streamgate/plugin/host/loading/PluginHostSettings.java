package io.streamgate.plugin.host.loading;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link PluginHost} is set up.
 *
 * @param pluginsFolder the folder whose {@code *.jar} files are plugins; a missing folder means no plugins
 * @param allowPrivateTargets whether plugins may call loopback, private and link-local addresses; false (the safe
 *     default) unless the admin opts in, e.g. for an authorization service on the same private network
 */
public record PluginHostSettings(Path pluginsFolder, boolean allowPrivateTargets) {

    public PluginHostSettings {
        Objects.requireNonNull(pluginsFolder, "pluginsFolder");
    }

    /** The safe defaults for a folder: private targets refused. */
    public static PluginHostSettings of(Path pluginsFolder) {
        return new PluginHostSettings(pluginsFolder, false);
    }
}
