package io.streamgate.plugin.api.protocol;

/**
 * A parsed entry manifest whose URLs are filled in per viewer. Immutable and thread-safe.
 *
 * @since 1.0.0
 */
public interface ManifestTemplate {

    /**
     * Writes the manifest with every URL reference replaced by the host's absolute, signed URL.
     *
     * @param urls turns a reference found in the manifest into the URL the viewer must use
     * @return the manifest text for one viewer
     * @since 1.0.0
     */
    String render(ManifestUrls urls);
}
