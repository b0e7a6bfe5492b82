package io.streamgate.control.publish;

import java.time.Instant;
import java.util.List;

/**
 * Where an encoder publishes a stream: the ingest streamer's URLs (the preferred protocol first), backup streamers
 * for encoders that support a backup server, and when the token in the URLs expires.
 */
record PublishUrlResponse(String streamer, List<Endpoint> urls, List<Backup> backups, Instant expiresAt) {

    record Endpoint(String protocol, String url) {}

    record Backup(String streamer, List<Endpoint> urls) {}
}
