package io.streamgate.plugin.api.protocol;

import io.streamgate.plugin.api.Settings;
import org.pf4j.ExtensionPoint;

/**
 * Makes a playback protocol. Hosts find factories through PF4J and look them up by {@link #type()}.
 *
 * @since 1.0.0
 */
public interface PlaybackProtocolFactory extends ExtensionPoint {

    /**
     * The stable type name, e.g. {@code hls} or {@code dash}; also the protocol name auth backends see.
     *
     * @return the type, matching {@code [a-z][a-z0-9-]{0,31}}
     * @since 1.0.0
     */
    String type();

    /**
     * Validates the settings and makes the protocol.
     *
     * @param settings the host's settings for this protocol (often empty)
     * @return an immutable protocol
     * @throws io.streamgate.plugin.api.InvalidSettingsException naming the bad key
     * @since 1.0.0
     */
    PlaybackProtocol create(Settings settings);
}
