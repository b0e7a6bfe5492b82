package io.streamgate.gateway.plugin;

import io.streamgate.gateway.protocol.ProtocolStore;
import io.streamgate.gateway.snapshot.SnapshotStore;
import io.streamgate.plugin.host.loading.PluginHost;

/**
 * Reloads the plugins folder and rebuilds everything made from the old plugins: protocols and every auth backend.
 * Runs under the snapshot store's lock, so no snapshot is built from a half-reloaded set of plugins. Blocking.
 */
final class PluginReload {

    private final PluginHost host;
    private final ProtocolStore protocols;
    private final SnapshotStore snapshots;

    PluginReload(PluginHost host, ProtocolStore protocols, SnapshotStore snapshots) {
        this.host = host;
        this.protocols = protocols;
        this.snapshots = snapshots;
    }

    void reload() {
        snapshots.rebuild(() -> {
            host.reload();
            protocols.rebuild(host);
        });
    }
}
