package io.streamgate.gateway.playback;

/** What the play path answers, independent of the HTTP binding. Every answer but a manifest has an empty body. */
sealed interface PlaybackAnswer {

    PlaybackAnswer BAD_REQUEST = new Status(400);
    /** Unknown, foreign and disabled alike: one instance, so the bytes cannot differ. */
    PlaybackAnswer NOT_FOUND = new Status(404);

    PlaybackAnswer METHOD_NOT_ALLOWED = new Status(405);

    /** Every auth deny alike, whatever the reason: one instance, so the bytes cannot differ. */
    PlaybackAnswer FORBIDDEN = new Status(403);

    /** A bare status code. */
    record Status(int code) implements PlaybackAnswer {}

    /** 503: no streamer has the stream live now; the player should retry after {@code retryAfterSeconds}. */
    record Unavailable(long retryAfterSeconds) implements PlaybackAnswer {}

    /** 302 to a signed URL on a streamer. */
    record Redirect(String location) implements PlaybackAnswer {}

    /** 200 with a rewritten entry manifest (an HLS master playlist, a DASH MPD) of the given media type. */
    record Manifest(String body, String contentType) implements PlaybackAnswer {}
}
