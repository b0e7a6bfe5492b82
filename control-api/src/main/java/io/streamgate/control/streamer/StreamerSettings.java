package io.streamgate.control.streamer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the control plane talks to streamers.
 *
 * @param requestTimeout timeout of one call to a streamer through its driver (default 2 s); drivers get it too
 * @param pollInterval how often every streamer's state and counters are read (default 1 s)
 * @param deadAfter a streamer not seen for this long is down, and its placements move away (default 5 s); keep it a few
 *     poll intervals, so one lost poll does not move streams
 */
@ConfigurationProperties("streamgate.control.streamer")
record StreamerSettings(Duration requestTimeout, Duration pollInterval, Duration deadAfter) {

    StreamerSettings {
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(2) : requestTimeout;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        deadAfter = deadAfter == null ? Duration.ofSeconds(5) : deadAfter;
        if (!positive(requestTimeout) || !positive(pollInterval) || !positive(deadAfter)) {
            throw new IllegalArgumentException("streamgate.control.streamer: request-timeout " + requestTimeout
                    + ", poll-interval " + pollInterval + ", dead-after " + deadAfter + " (expected: all > 0)");
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isZero() && !duration.isNegative();
    }
}
