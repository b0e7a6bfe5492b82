package io.streamgate.control.events;

import io.streamgate.control.storage.StorageSettings;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The single, ever-growing config version. Every change calls {@link #bump()} first inside its own transaction: the
 * row lock it takes serialises writers, so versions and the data they describe commit in the same order.
 */
@Component
public class ConfigVersion {

    private final DatabaseClient db;
    private final StorageSettings storage;

    ConfigVersion(DatabaseClient db, StorageSettings storage) {
        this.db = db;
        this.storage = storage;
    }

    /** Increments the version; must run inside the transaction of the change it versions. */
    public Mono<Long> bump() {
        // UPDATE ... RETURNING is not in H2's PostgreSQL mode, so read it back within the same transaction.
        return db.sql("UPDATE config_version SET version = version + 1 WHERE id = 1")
                .fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout())
                .then(current());
    }

    /** The version as this transaction (or a fresh one) sees it. */
    public Mono<Long> current() {
        return db.sql("SELECT version FROM config_version WHERE id = 1")
                .map(row -> row.get("version", Long.class))
                .one()
                .timeout(storage.statementTimeout());
    }
}
