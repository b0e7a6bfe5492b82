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
    }
}
