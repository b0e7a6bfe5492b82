package io.streamgate.control;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/** The few places where a library legitimately blocks on a non-blocking thread. */
public class ControlApiBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // Logback's console appender writes synchronously to stdout; a warning logged on an event loop (a failed
        // push, say) would otherwise fail the test that provoked it on purpose.
        builder.allowBlockingCallsInside("ch.qos.logback.classic.Logger", "callAppenders");
        // A plugin's class is read from its jar the first time a driver uses it, on whichever thread that is.
        // BlockHound already allows this for java.lang.ClassLoader#loadClass; PF4J's loader overrides loadClass
        // without calling it, so the same one-time read needs the same allowance.
        builder.allowBlockingCallsInside("org.pf4j.PluginClassLoader", "loadClass");
        // A circuit breaker records each call's outcome under a short lock; two calls to one streamer finishing at
        // the same moment (its state and its counters) may briefly wait for each other.
        builder.allowBlockingCallsInside("io.github.resilience4j.core.metrics.FixedSizeSlidingWindowMetrics", "record");
    }
}
