package io.streamgate.gateway.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Polling of the streamers' runtime stats.
 *
 * @param pollInterval how often every streamer is asked for its live streams (default 1 s)
 * @param timeout the time limit of one poll, shorter than the interval so polls never pile up (default 700 ms)
 */
@ConfigurationProperties("streamgate.gateway.live")
record LiveProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("700ms") Duration timeout) {

    LiveProperties {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException(
                    "streamgate.gateway.live.poll-interval: " + pollInterval + " (expected: > 0)");
        }
        if (timeout.compareTo(pollInterval) >= 0 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("streamgate.gateway.live.timeout: " + timeout
                    + " (expected: > 0 and shorter than poll-interval " + pollInterval + ")");
        }
    }
}
