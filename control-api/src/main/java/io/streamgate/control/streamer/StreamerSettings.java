package io.streamgate.control.streamer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the control plane talks to streamers.
 *
 * @param requestTimeout timeout of one call to a streamer's config API (default 2 s)
 * @param pollInterval how often every streamer's stream list is read for live status (default 1 s)
 */
@ConfigurationProperties("streamgate.control.streamer")
record StreamerSettings(Duration requestTimeout, Duration pollInterval) {

    StreamerSettings {
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(2) : requestTimeout;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        if (requestTimeout.isZero()
                || requestTimeout.isNegative()
                || pollInterval.isZero()
                || pollInterval.isNegative()) {
            throw new IllegalArgumentException("streamgate.control.streamer: request-timeout " + requestTimeout
                    + ", poll-interval " + pollInterval + " (expected: both > 0)");
        }
    }
}
