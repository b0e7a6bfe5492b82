package io.streamgate.plugins.dash;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.protocol.PlaybackProtocol;
import io.streamgate.plugin.api.protocol.PlaybackProtocolFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Makes the {@code dash} protocol. Settings (all optional):
 *
 * <ul>
 *   <li>{@code entry_manifests}: file names at the stream's root that are MPDs the gateway rewrites; default
 *       {@code index.mpd} (Flussonic and most packagers) and {@code manifest.mpd}.
 *   <li>{@code max_manifest_size}: the largest MPD accepted, in characters; default 1 MiB, since live MPDs with a
 *       long {@code SegmentTimeline} grow far beyond an HLS master playlist.
 * </ul>
 */
@Extension
public final class DashProtocolFactory implements PlaybackProtocolFactory {

    static final String TYPE = "dash";
    static final List<String> DEFAULT_ENTRY_MANIFESTS = List.of("index.mpd", "manifest.mpd");
    static final long DEFAULT_MAX_MANIFEST_SIZE = 1024 * 1024;
    private static final int MAX_ENTRY_MANIFESTS = 8;
    private static final int MAX_FILE_NAME = 128;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public PlaybackProtocol create(Settings settings) {
        settings.allowOnly(Set.of("entry_manifests", "max_manifest_size"));
        List<String> entries = settings.has("entry_manifests")
                ? settings.strings("entry_manifests", MAX_ENTRY_MANIFESTS)
                : DEFAULT_ENTRY_MANIFESTS;
        if (entries.isEmpty()) {
            throw settings.invalid("entry_manifests", "[] (expected: 1 to " + MAX_ENTRY_MANIFESTS + " file names)");
        }
        List<String> checked = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String name = entries.get(i);
            if (!isFileName(name, ".mpd")) {
                throw settings.invalid(
                        "entry_manifests[" + i + "]",
                        "'" + name + "' (expected: a file name of [A-Za-z0-9._-] ending in .mpd, no slash)");
            }
            checked.add(name);
        }
        int maxSize = (int) settings.integer("max_manifest_size", DEFAULT_MAX_MANIFEST_SIZE, 1024, 16L * 1024 * 1024);
        return new DashProtocol(Set.copyOf(checked), maxSize);
    }

    /** A single path segment as the host validates them, ending in {@code suffix}. */
    static boolean isFileName(String name, String suffix) {
        if (name.length() <= suffix.length() || name.length() > MAX_FILE_NAME || !name.endsWith(suffix)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }
}
