package io.streamgate.sim.config;

/** A stream configuration that breaks a rule; the message names the field, the value and what was expected. */
class InvalidStreamException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InvalidStreamException(String message) {
        super(message);
    }
}
