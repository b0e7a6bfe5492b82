package io.streamgate.gateway.playback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The play path's settings.
 *
 * @param masterTimeout the time limit of fetching a master playlist from a streamer, connect included (default 2 s)
 * @param masterCacheTtl how long a fetched master playlist is reused for the same streamer and stream before one
 *     background fetch refreshes it (default 2 s); while that runs the held one is still served, for at most one more
 *     TTL
 * @param retryAfter the {@code Retry-After} of a 503 when no streamer has the stream live (default 2 s)
 * @param accessLog whether the player port writes an access log line per request (default off), asynchronously and
 *     without the query
 */
@ConfigurationProperties("streamgate.gateway.playback")
record PlaybackProperties(
        @DefaultValue("2s") Duration masterTimeout,
        @DefaultValue("2s") Duration masterCacheTtl,
        @DefaultValue("2s") Duration retryAfter,
        @DefaultValue("false") boolean accessLog) {}
