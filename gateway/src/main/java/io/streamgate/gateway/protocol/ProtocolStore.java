package io.streamgate.gateway.protocol;

import io.streamgate.plugin.host.loading.PluginHost;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Holds the current {@link PlaybackProtocols}; the play path reads it without locks, a plugin reload replaces it. */
public final class ProtocolStore {

    private static final Logger log = LoggerFactory.getLogger(ProtocolStore.class);

    private final AtomicReference<PlaybackProtocols> current = new AtomicReference<>(PlaybackProtocols.none());

    public PlaybackProtocols current() {
        return current.get();
    }

    /** Makes the protocols anew from the host's plugins (after start or a reload). Blocking. */
    public void rebuild(PluginHost host) {
        PlaybackProtocols next = PlaybackProtocols.from(host);
        current.set(next);
        if (!next.has(PlaybackProtocols.HLS)) {
            log.error(
                    "No 'hls' protocol plugin loaded from {}; the gateway stays not ready until one is (expected:"
                            + " protocol-hls.jar in that folder, then a restart or POST /admin/v1/plugins/reload)",
                    host.settings().pluginsFolder().toAbsolutePath());
        } else {
            log.info("Playback protocols in use: {}", next.types());
        }
    }
}
