package io.streamgate.gateway.plugin;

import io.streamgate.gateway.live.StreamerDrivers;
import io.streamgate.gateway.protocol.ProtocolStore;
import io.streamgate.gateway.snapshot.SnapshotStore;
import io.streamgate.plugin.host.loading.PluginHost;

/**
 * Reloads the plugins folder and rebuilds everything made from the old plugins: protocols, every auth backend, and
 * (before the next poll) every streamer driver. Runs under the snapshot store's lock, so no snapshot is built from a
 * half-reloaded set of plugins. Blocking.
 */
final class PluginReload {

    private final PluginHost host;
    private final ProtocolStore protocols;
    private final SnapshotStore snapshots;
    private final StreamerDrivers drivers;

    PluginReload(PluginHost host, ProtocolStore protocols, SnapshotStore snapshots, StreamerDrivers drivers) {
        this.host = host;
        this.protocols = protocols;
        this.snapshots = snapshots;
        this.drivers = drivers;
    }

    void reload() {
        snapshots.rebuild(() -> {
            drivers.reloading(host::reload);
            protocols.rebuild(host);
        });
    }
}
