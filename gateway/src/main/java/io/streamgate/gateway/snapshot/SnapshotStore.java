package io.streamgate.gateway.snapshot;

import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.gateway.auth.AuthChainBuilder;
import io.streamgate.gateway.auth.AuthChains;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the current {@link SnapshotIndex}; swaps atomically and never to an older or equal version. Readers take one
 * volatile read and no lock. Writers build the next index (auth chains included) under a lock, because building asks
 * the plugins and must see one consistent set of them: a plugin reload takes the same lock.
 */
public final class SnapshotStore {

    private final AtomicReference<SnapshotIndex> current = new AtomicReference<>(SnapshotIndex.EMPTY);
    private final AuthChainBuilder auth;
    private final Object building = new Object();

    /** A store without auth: every stream's chain is empty (tests of the snapshot alone). */
    public SnapshotStore() {
        this(null);
    }

    public SnapshotStore(AuthChainBuilder auth) {
        this.auth = auth;
    }

    public SnapshotIndex current() {
        return current.get();
    }

    /**
     * Swaps in {@code snapshot} if it is newer than the one held. Builds its auth chains, which may block: call it off
     * event loops.
     *
     * @return whether it was swapped in
     */
    public boolean offer(ConfigSnapshot snapshot) {
        if (!newer(snapshot, current.get())) {
            return false;
        }
        synchronized (building) {
            SnapshotIndex held = current.get();
            // Another load may have won while this one waited; keep whichever is newer.
            if (!newer(snapshot, held)) {
                return false;
            }
            current.set(SnapshotIndex.of(snapshot, chains(snapshot, held.authChains())));
            return true;
        }
    }

    /**
     * Runs {@code change} (a plugin reload) and then rebuilds every auth backend of the held snapshot from scratch,
     * with no snapshot swap in between. Blocking.
     */
    public void rebuild(Runnable change) {
        synchronized (building) {
            change.run();
            SnapshotIndex held = current.get();
            if (held.held()) {
                current.set(SnapshotIndex.of(held.snapshot(), chains(held.snapshot(), AuthChains.none())));
            }
        }
    }

    private AuthChains chains(ConfigSnapshot snapshot, AuthChains previous) {
        return auth == null ? AuthChains.none() : auth.build(snapshot, previous);
    }

    private static boolean newer(ConfigSnapshot snapshot, SnapshotIndex held) {
        return !held.held() || snapshot.version() > held.version();
    }
}
