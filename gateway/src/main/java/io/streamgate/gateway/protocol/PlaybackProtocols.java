package io.streamgate.gateway.protocol;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.protocol.PlaybackProtocol;
import io.streamgate.plugin.api.protocol.PlaybackProtocolFactory;
import io.streamgate.plugin.host.loading.PluginHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocols made from the loaded plugins, in a stable order: {@code hls}, {@code dash}, then the others by type.
 * The first one that accepts a path owns it, so a path two protocols accept (an {@code .mp4} segment) always goes the
 * same way. Immutable.
 */
public final class PlaybackProtocols {

    static final String HLS = "hls";
    static final String DASH = "dash";
    private static final Logger log = LoggerFactory.getLogger(PlaybackProtocols.class);
    private static final PlaybackProtocols NONE = new PlaybackProtocols(List.of());

    private final List<Owned> ordered;

    private PlaybackProtocols(List<Owned> ordered) {
        this.ordered = List.copyOf(ordered);
    }

    /** No protocol: every path is unknown. */
    public static PlaybackProtocols none() {
        return NONE;
    }

    /** Makes every protocol the host's plugins provide, with default settings. Plugin code runs: call off event loops. */
    public static PlaybackProtocols from(PluginHost host) {
        List<String> types = new ArrayList<>();
        for (String first : List.of(HLS, DASH)) {
            if (host.protocolTypes().contains(first)) {
                types.add(first);
            }
        }
        for (String type : host.protocolTypes()) {
            if (!types.contains(type)) {
                types.add(type);
            }
        }
        List<Owned> made = new ArrayList<>(types.size());
        for (String type : types) {
            Optional<PlaybackProtocolFactory> factory = host.protocolFactory(type);
            if (factory.isEmpty()) {
                continue; // removed by a concurrent reload; the caller rebuilds after it anyway
            }
            try {
                made.add(new Owned(type, factory.get().create(Settings.of(Map.of()))));
            } catch (RuntimeException e) {
                log.error(
                        "Protocol '{}' could not be made from its plugin; its paths answer 404: {}",
                        type,
                        e.toString());
            }
        }
        return new PlaybackProtocols(made);
    }

    /** The protocol that owns {@code path} (relative to the stream), or {@code null} when none does. */
    public Owned ownerOf(String path) {
        for (int i = 0, n = ordered.size(); i < n; i++) {
            Owned owned = ordered.get(i);
            if (owned.protocol().accepts(path)) {
                return owned;
            }
        }
        return null;
    }

    /** Whether a protocol of this type is in use. */
    public boolean has(String type) {
        for (Owned owned : ordered) {
            if (owned.type().equals(type)) {
                return true;
            }
        }
        return false;
    }

    /** The types in their order of precedence. */
    public List<String> types() {
        return ordered.stream().map(Owned::type).toList();
    }

    /**
     * A protocol and its type.
     *
     * @param type the plugin type, also the {@code protocol} of auth requests
     * @param protocol the runtime object
     */
    public record Owned(String type, PlaybackProtocol protocol) {}
}
