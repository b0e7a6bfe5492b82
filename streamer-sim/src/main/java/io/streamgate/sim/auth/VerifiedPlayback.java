package io.streamgate.sim.auth;

import org.springframework.web.server.ServerWebExchange;

/**
 * The stream a playback request was verified for, handed on to later filters so they need not parse the path again
 * (and cannot parse it differently from the check that let it through).
 */
public final class VerifiedPlayback {

    private static final String ATTRIBUTE = VerifiedPlayback.class.getName() + ".stream";

    private VerifiedPlayback() {}

    static void mark(ServerWebExchange exchange, String stream) {
        exchange.getAttributes().put(ATTRIBUTE, stream);
    }

    /** The internal stream name of a validly signed playback request, or {@code null} for anything else. */
    public static String streamOf(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
