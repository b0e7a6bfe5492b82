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
     * @param publish where an encoder publishes it, for streams with a {@code publish://} input; null otherwise, or
     *     when no streamer can take a publisher now
     */
    public record Status(boolean alive, List<PlacementStatus> placements, List<String> liveOn, Publish publish) {

        Status withPublish(Publish value) {
            return new Status(alive, placements, liveOn, value);
        }
    }

    StreamResponse withPublish(Publish publish) {
        return new StreamResponse(
                name, inputs, playbackMode, region, status.withPublish(publish), authChain, createdAt, updatedAt);
    }

    /**
     * Where an encoder publishes a stream: the ingest streamer's URLs (the preferred protocol first, the publish token
     * in them), backup streamers for encoders that take a backup server, and when the token expires.
     */
    public record Publish(String streamer, List<Endpoint> urls, List<Backup> backups, Instant expiresAt) {

        public Publish {
            urls = List.copyOf(urls);
            backups = List.copyOf(backups);
        }
    }

    /** One publish URL. */
    public record Endpoint(String protocol, String url) {}

    /** A backup streamer's publish URLs. */
    public record Backup(String streamer, List<Endpoint> urls) {

        public Backup {
            urls = List.copyOf(urls);
        }
    }

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
