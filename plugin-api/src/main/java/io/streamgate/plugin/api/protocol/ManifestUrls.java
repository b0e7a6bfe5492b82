package io.streamgate.plugin.api.protocol;

/**
 * The host's URL mapping for one viewer: a reference as written in the streamer's manifest (relative or absolute,
 * with or without a query) becomes an absolute URL on the chosen streamer carrying the viewer's signature. The
 * host's query never contains {@code $}, so DASH template identifiers such as {@code $Number$} stay unambiguous.
 *
 * @since 1.0.0
 */
@FunctionalInterface
public interface ManifestUrls {

    /**
     * Maps one reference.
     *
     * @param reference the URL text found in the manifest
     * @return the absolute, signed URL
     * @since 1.0.0
     */
    String absolute(String reference);
}
