package io.streamgate.plugins.driver.flussonic;

/** The streamer answered 2xx, but with a body this driver cannot read exactly; the message says where and why. */
final class MalformedAnswerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedAnswerException(String message) {
        super(message);
    }

    MalformedAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
