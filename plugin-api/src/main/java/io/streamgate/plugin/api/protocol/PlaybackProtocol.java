package io.streamgate.plugin.api.protocol;

/**
 * One playback protocol's URL shapes and manifest rewrite. Paths are relative to the stream, already validated by
 * the host as 1 to 4 segments of {@code [A-Za-z0-9._-]}, e.g. {@code index.m3u8} or {@code tracks-v1/12.ts}.
 *
 * @since 1.0.0
 */
public interface PlaybackProtocol {

    /**
     * Whether the path is this protocol's entry manifest, which the gateway fetches from the streamer and rewrites.
     *
     * @param path the path under the stream
     * @return true for the entry manifest, e.g. {@code index.m3u8}
     * @since 1.0.0
     */
    boolean isEntryManifest(String path);

    /**
     * Whether the path belongs to this protocol at all (manifests, child manifests, segments), which the gateway then
     * redirects to a streamer.
     *
     * @param path the path under the stream
     * @return true when this protocol serves it
     * @since 1.0.0
     */
    boolean accepts(String path);

    /**
     * The media type of the rewritten entry manifest.
     *
     * @return e.g. {@code application/vnd.apple.mpegurl}
     * @since 1.0.0
     */
    String manifestContentType();

    /**
     * Parses a streamer's entry manifest once, so it can be rendered for many viewers cheaply.
     *
     * @param manifest the manifest as the streamer served it
     * @return an immutable template
     * @throws IllegalArgumentException when the text is not a manifest of this protocol
     * @since 1.0.0
     */
    ManifestTemplate prepare(String manifest);
}
