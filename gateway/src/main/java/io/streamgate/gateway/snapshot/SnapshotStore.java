package io.streamgate.gateway.snapshot;

import io.streamgate.domain.snapshot.ConfigSnapshot;
import java.util.concurrent.atomic.AtomicReference;

/** Holds the current {@link SnapshotIndex}; swaps atomically and never to an older or equal version. */
public final class SnapshotStore {

    private final AtomicReference<SnapshotIndex> current = new AtomicReference<>(SnapshotIndex.EMPTY);

    public SnapshotIndex current() {
        return current.get();
    }

    /**
     * Swaps in {@code snapshot} if it is newer than the one held.
     *
     * @return whether it was swapped in
     */
    public boolean offer(ConfigSnapshot snapshot) {
        SnapshotIndex held = current.get();
        if (held.held() && snapshot.version() <= held.version()) {
            return false;
        }
        SnapshotIndex next = SnapshotIndex.of(snapshot);
        while (true) {
            if (current.compareAndSet(held, next)) {
                return true;
            }
            held = current.get();
            // Another load won the race; keep whichever is newer.
            if (held.held() && snapshot.version() <= held.version()) {
                return false;
            }
        }
    }
}
