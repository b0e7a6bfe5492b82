package io.streamgate.control.stream;

/** One source of a stream, as the operator writes it and as it is stored. */
public record StreamInput(String url) {

    /** Flussonic's input of a stream that waits for an encoder to publish to it. */
    public static final String PUBLISH = "publish://";

    /** Whether this input waits for a publisher rather than pulling a source. */
    public boolean published() {
        return url.startsWith(PUBLISH);
    }
}
