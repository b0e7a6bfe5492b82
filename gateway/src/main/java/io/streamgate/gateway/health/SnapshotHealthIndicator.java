package io.streamgate.gateway.health;

import io.streamgate.gateway.snapshot.SnapshotIndex;
import io.streamgate.gateway.snapshot.SnapshotStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP once a snapshot is held (from control-api or the last-known-good file); before that every stream is unknown. */
@Component("snapshot")
class SnapshotHealthIndicator implements HealthIndicator {

    private final SnapshotStore store;

    SnapshotHealthIndicator(SnapshotStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        SnapshotIndex current = store.current();
        return current.held()
                ? Health.up().withDetail("version", current.version()).build()
                : Health.down().withDetail("reason", "no config snapshot yet").build();
    }
}
