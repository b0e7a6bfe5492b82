package io.streamgate.plugin.api.driver;

import io.streamgate.plugin.api.Settings;
import org.pf4j.ExtensionPoint;

/**
 * Makes drivers of one streamer kind. Hosts find factories through PF4J and look them up by {@link #type()}, the
 * {@code driver} an admin names when registering a streamer.
 *
 * @since 1.1.0
 */
public interface StreamerDriverFactory extends ExtensionPoint {

    /**
     * The stable type name admins write, e.g. {@code flussonic} or {@code nginx-rtmp}.
     *
     * @return the type, matching {@code [a-z][a-z0-9-]{0,31}}
     * @since 1.1.0
     */
    String type();

    /**
     * Validates the settings and makes a driver for one streamer. Called when an admin saves a streamer (to validate)
     * and whenever a host (re)builds its view of the streamers; must not block on I/O.
     *
     * @param settings the admin's driver settings for this streamer
     * @param context the streamer and what the host lends the driver
     * @return a driver for that one streamer; thread-safe
     * @throws io.streamgate.plugin.api.InvalidSettingsException naming the bad key
     * @since 1.1.0
     */
    StreamerDriver create(Settings settings, StreamerDriverContext context);
}
