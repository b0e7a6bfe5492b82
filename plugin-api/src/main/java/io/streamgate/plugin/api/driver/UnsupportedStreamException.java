package io.streamgate.plugin.api.driver;

/**
 * A stream this kind of streamer cannot run, with a message an operator can act on.
 *
 * @since 1.1.0
 */
public final class UnsupportedStreamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is not supported and what would be
     * @since 1.1.0
     */
    public UnsupportedStreamException(String message) {
        super(message);
    }
}
