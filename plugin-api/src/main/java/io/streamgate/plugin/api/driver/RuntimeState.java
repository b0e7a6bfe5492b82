package io.streamgate.plugin.api.driver;

import java.util.List;

/**
 * What a streamer runs, as one poll saw it.
 *
 * @param streams every stream the streamer knows, live or not
 * @since 1.1.0
 */
public record RuntimeState(List<StreamState> streams) {

    /**
     * Copies.
     *
     * @since 1.1.0
     */
    public RuntimeState {
        streams = List.copyOf(streams);
    }

    /**
     * The streamer's viewers over all streams.
     *
     * @return the sum of online clients
     * @since 1.1.0
     */
    public long onlineClients() {
        return streams.stream().mapToLong(StreamState::onlineClients).sum();
    }

    /**
     * The streamer's outgoing bitrate over all streams.
     *
     * @return the sum, in kbit/s
     * @since 1.1.0
     */
    public long bitrateKbps() {
        return streams.stream().mapToLong(StreamState::bitrateKbps).sum();
    }

    /**
     * One stream on the streamer.
     *
     * @param name the internal stream name
     * @param alive whether it can be played now
     * @param onlineClients its viewers now
     * @param bitrateKbps what it sends to viewers now, in kbit/s
     * @param input what its input is doing
     * @since 1.1.0
     */
    public record StreamState(String name, boolean alive, long onlineClients, long bitrateKbps, InputState input) {

        /**
         * Validates.
         *
         * @since 1.1.0
         */
        public StreamState {
            java.util.Objects.requireNonNull(name, "name");
            input = input == null ? InputState.WAITING : input;
        }
    }

    /**
     * What a stream's input is doing.
     *
     * @since 1.1.0
     */
    public enum InputState {
        /** A publisher is pushing to the streamer. */
        PUBLISHING,
        /** The streamer pulls a source (or makes one) and gets media. */
        RECEIVING,
        /** Configured, but no media arrives: no publisher yet, or the source is down. */
        WAITING
    }
}
