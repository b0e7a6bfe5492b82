package io.streamgate.plugins.dash;

import io.streamgate.plugin.api.protocol.ManifestTemplate;
import io.streamgate.plugin.api.protocol.PlaybackProtocol;
import java.util.List;
import java.util.Set;

/**
 * DASH URL shapes and the MPD rewrite.
 *
 * <p>{@link #accepts} takes MPDs ({@code .mpd}), fMP4/CMAF segments and init sections ({@code .m4s}, {@code .mp4},
 * {@code .m4a}, {@code .m4v}), WebM ({@code .webm}) and WebVTT subtitles ({@code .vtt}).
 */
final class DashProtocol implements PlaybackProtocol {

    static final String CONTENT_TYPE = "application/dash+xml";
    private static final List<String> SUFFIXES = List.of(".mpd", ".m4s", ".mp4", ".m4a", ".m4v", ".webm", ".vtt");

    private final Set<String> entryManifests;
    private final int maxManifestSize;

    DashProtocol(Set<String> entryManifests, int maxManifestSize) {
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
        return DashManifest.parse(manifest, maxManifestSize);
    }
}
