package io.streamgate.plugins.hls;

import io.streamgate.plugin.api.protocol.ManifestTemplate;
import io.streamgate.plugin.api.protocol.PlaybackProtocol;
import java.util.List;
import java.util.Set;

/**
 * HLS URL shapes and the master playlist rewrite.
 *
 * <p>{@link #accepts} takes playlists ({@code .m3u8}), MPEG-TS and packed-audio segments ({@code .ts}, {@code .aac}),
 * fMP4/CMAF segments and init sections ({@code .m4s}, {@code .mp4}), WebVTT subtitles ({@code .vtt}) and AES keys
 * ({@code .key}). Anything else under a stream is not HLS.
 */
final class HlsProtocol implements PlaybackProtocol {

    static final String CONTENT_TYPE = "application/vnd.apple.mpegurl";
    private static final List<String> SUFFIXES = List.of(".m3u8", ".ts", ".aac", ".m4s", ".mp4", ".vtt", ".key");

    private final Set<String> entryManifests;
    private final int maxManifestSize;

    HlsProtocol(Set<String> entryManifests, int maxManifestSize) {
        this.entryManifests = Set.copyOf(entryManifests);
        this.maxManifestSize = maxManifestSize;
    }

    @Override
    public boolean isEntryManifest(String path) {
        return path != null && entryManifests.contains(path);
    }

    @Override
    public boolean accepts(String path) {
        if (path == null) {
            return false;
        }
        for (String suffix : SUFFIXES) {
            if (path.length() > suffix.length() && path.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String manifestContentType() {
        return CONTENT_TYPE;
    }

    @Override
    public ManifestTemplate prepare(String manifest) {
        return HlsPlaylist.parse(manifest, maxManifestSize);
    }
}
