package io.streamgate.control.plugin;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where plugins come from and what they may reach.
 *
 * @param folder the folder whose {@code *.jar} files are loaded ({@code STREAMGATE_PLUGINS_DIR}, default {@code
 *     plugins}); a missing folder means no plugins, so every auth backend type is unknown
 * @param allowPrivateTargets whether plugins may call loopback, private and link-local addresses ({@code
 *     STREAMGATE_ALLOW_PRIVATE_TARGETS}, default false); the same value as the gateways', so a backend accepted here is
 *     one the gateways may call
 */
@ConfigurationProperties("streamgate.control.plugins")
record PluginSettings(Path folder, boolean allowPrivateTargets) {

    PluginSettings {
        folder = folder == null ? Path.of("plugins") : folder;
    }
}
