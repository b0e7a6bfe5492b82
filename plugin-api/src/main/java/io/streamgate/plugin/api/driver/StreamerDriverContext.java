package io.streamgate.plugin.api.driver;

import io.streamgate.plugin.api.http.HttpCaller;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * What the host lends a driver: the streamer it drives, the clock, outbound HTTP and the time one call may take.
 *
 * @since 1.1.0
 */
public interface StreamerDriverContext {

    /**
     * The streamer's name in the cloud, for logs and messages.
     *
     * @return the name
     * @since 1.1.0
     */
    String streamerName();

    /**
     * The streamer's HTTP base URL, without a trailing slash: where it serves playback ({@code /{stream}/...}) and,
     * for streamers that have one on the same port, its API.
     *
     * @return the base URL
     * @since 1.1.0
     */
    URI baseUrl();

    /**
     * The clock to read time from, so tests can move it.
     *
     * @return the clock
     * @since 1.1.0
     */
    Clock clock();

    /**
     * Outbound HTTP. Unlike auth backends' caller it reaches private addresses: streamers are registered by the
     * cloud's own admins and usually live on private networks.
     *
     * @return the caller
     * @since 1.1.0
     */
    HttpCaller http();

    /**
     * The time limit of one call to the streamer.
     *
     * @return a positive duration
     * @since 1.1.0
     */
    Duration timeout();
}
