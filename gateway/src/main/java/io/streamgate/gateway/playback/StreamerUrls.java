package io.streamgate.gateway.playback;

import io.streamgate.plugin.api.protocol.ManifestUrls;

/**
 * One viewer's URL mapping for a rewritten manifest: a reference becomes absolute on the chosen streamer, relative
 * ones against the entry manifest's folder, and carries the viewer's signed query instead of whatever query it had
 * (the streamer's query signed the gateway's own fetch, not this viewer).
 */
final class StreamerUrls implements ManifestUrls {

    private final String origin;
    private final String folder;
    private final String signedQuery;

    /**
     * @param baseUrl the streamer's base URL, without a trailing slash
     * @param internalName the stream as the streamer knows it
     * @param entryPath the entry manifest's path under the stream, e.g. {@code index.m3u8}
     * @param signedQuery the viewer's signed query, without {@code ?}
     */
    StreamerUrls(String baseUrl, String internalName, String entryPath, String signedQuery) {
        this.origin = baseUrl;
        int slash = entryPath.lastIndexOf('/');
        this.folder = baseUrl + "/" + internalName + "/" + (slash < 0 ? "" : entryPath.substring(0, slash + 1));
        this.signedQuery = signedQuery;
    }

    @Override
    public String absolute(String reference) {
        int cut = reference.length();
        int query = reference.indexOf('?');
        if (query >= 0) {
            cut = query;
        }
        int fragment = reference.indexOf('#');
        if (fragment >= 0 && fragment < cut) {
            cut = fragment;
        }
        String path = reference.substring(0, cut).strip();
        String absolute;
        if (path.startsWith("http://") || path.startsWith("https://")) {
            absolute = path;
        } else if (path.startsWith("/")) {
            absolute = origin + path;
        } else {
            absolute = folder + path;
        }
        return absolute + "?" + signedQuery;
    }
}
