package io.streamgate.control.stream;

import java.time.Instant;
import java.util.List;

/**
 * A stream as the operator API shows it, with where it is placed and where it is live; {@code auth_chain} is null for
 * the project default, {@code region} null for any region.
 */
public record StreamResponse(
        String name,
        List<StreamInput> inputs,
        String playbackMode,
        String region,
        Status status,
        List<String> authChain,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * @param alive whether any streamer the stream is placed on has it live
     * @param placements every streamer it is placed on, leaving ones included
     * @param liveOn the names of the streamers that have it live
     */
    public record Status(boolean alive, List<PlacementStatus> placements, List<String> liveOn) {}

    /**
     * One placement, with what this instance's last polls saw of the stream there.
     *
     * @param state {@code active} or {@code leaving}
     * @param up whether the streamer answers its polls
     * @param input {@code publishing}, {@code receiving} or {@code waiting}
     * @param bytesIn what the streamer received for the stream in its current counter session; null when unknown
     * @param bytesOut what it sent to viewers in its current counter session; null when unknown
     */
    public record PlacementStatus(
            String streamer,
            String region,
            String state,
            boolean up,
            boolean alive,
            long onlineClients,
            String input,
            Long bytesIn,
            Long bytesOut) {}
}
