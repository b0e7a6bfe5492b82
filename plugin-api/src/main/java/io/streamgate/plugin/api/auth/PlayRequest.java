package io.streamgate.plugin.api.auth;

/**
 * One viewer's request to play a stream, as the gateway saw it. Optional fields are {@code null} when the request
 * did not carry them.
 *
 * @param projectId the project (tenant) id, a Snowflake id in decimal
 * @param stream the stream's flat name within the project (never the internal {@code {project_id}_{name}} form)
 * @param clientIp the viewer's IP address as text
 * @param token the {@code token} query parameter, or {@code null}
 * @param referer the {@code Referer} header, or {@code null}
 * @param userAgent the {@code User-Agent} header, or {@code null}
 * @param protocol the playback protocol's name, e.g. {@code hls} or {@code dash}
 * @param sessionId the viewer's playback session id
 * @since 1.0.0
 */
public record PlayRequest(
        String projectId,
        String stream,
        String clientIp,
        String token,
        String referer,
        String userAgent,
        String protocol,
        String sessionId) {

    /**
     * Checks the fields every request has.
     *
     * @since 1.0.0
     */
    public PlayRequest {
        if (projectId == null || stream == null || clientIp == null || protocol == null || sessionId == null) {
            throw new IllegalArgumentException("projectId, stream, clientIp, protocol and sessionId are required");
        }
    }
}
