package io.streamgate.plugins.driver.flussonic;

/** The streamer answered a call with a status that does not mean success; the message names the call and status. */
final class StreamerCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    StreamerCallException(String message, int status) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
