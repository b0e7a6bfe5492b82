package io.streamgate.plugin.api.http;

/**
 * A target the host will not call: a scheme other than http(s), or an address in a forbidden range.
 *
 * @since 1.0.0
 */
public final class RefusedTargetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which target and why, without secrets
     * @since 1.0.0
     */
    public RefusedTargetException(String message) {
        super(message);
    }
}
