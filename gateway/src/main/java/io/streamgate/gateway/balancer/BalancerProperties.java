package io.streamgate.gateway.balancer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The memory of which streamer each viewer session was sent to.
 *
 * @param sessionIdle how long a session is remembered after its last request (default 10 min: players come back to
 *     the gateway after errors and on master reloads, well within that)
 * @param maxSessions how many sessions are remembered at most (default 1,000,000, about 100 MB); beyond it the least
 *     recently used are forgotten and those viewers are placed anew when they come back
 */
@ConfigurationProperties("streamgate.gateway.balancer")
public record BalancerProperties(@DefaultValue("10m") Duration sessionIdle, @DefaultValue("1000000") long maxSessions) {

    public BalancerProperties {
        if (sessionIdle == null || sessionIdle.isNegative() || sessionIdle.isZero()) {
            throw new IllegalArgumentException(
                    "streamgate.gateway.balancer.session-idle: " + sessionIdle + " (expected: > 0)");
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException(
                    "streamgate.gateway.balancer.max-sessions: " + maxSessions + " (expected: >= 1)");
        }
    }

    /** The defaults, for tests and for code built outside Spring. */
    public static BalancerProperties defaults() {
        return new BalancerProperties(Duration.ofMinutes(10), 1_000_000);
    }
}
