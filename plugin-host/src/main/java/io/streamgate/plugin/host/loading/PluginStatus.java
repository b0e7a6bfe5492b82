package io.streamgate.plugin.host.loading;

import java.util.List;
import java.util.Objects;

/**
 * What the host made of one jar in the plugins folder, as listed at {@code /admin/v1/plugins}.
 *
 * @param jar the jar's file name
 * @param id the {@code Plugin-Id}, or {@code null} when the jar could not be read
 * @param version the {@code Plugin-Version}, or {@code null} when the jar could not be read
 * @param state whether its extensions are in use
 * @param message why it was refused or failed, or a hint for a started plugin; {@code null} when there is nothing
 *     to say
 * @param extensionTypes the extension types it provides, as {@code auth:<type>} and {@code protocol:<type>}
 */
public record PluginStatus(
        String jar, String id, String version, State state, String message, List<String> extensionTypes) {

    /** A plugin's state. */
    public enum State {
        /** Loaded and started; its extensions are in use. */
        STARTED,
        /** Not loaded: a broken jar, an incompatible {@code Plugin-Requires}, a duplicate id or extension type. */
        REFUSED,
        /** Loaded, but PF4J or the plugin's own code failed while starting it or asking for its extensions. */
        FAILED
    }

    public PluginStatus {
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(state, "state");
        extensionTypes = extensionTypes == null ? List.of() : List.copyOf(extensionTypes);
    }
}
