package io.streamgate.control.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * One row of {@code leader_leases}: whoever holds it unexpired leads. {@link #acquire} takes the row when it is
 * expired or already ours and pushes its expiry forward; two instances racing for a free row are settled by the
 * primary key. Plain SQL that PostgreSQL and H2 both run. Time is the injected clock's, so instances need roughly
 * synchronised clocks (well within a lease).
 */
final class LeaderLease {

    private final DatabaseClient db;
    private final Duration statementTimeout;
    private final Clock clock;
    private final String name;
    private final String holder;
    private final Duration ttl;

    LeaderLease(DatabaseClient db, Duration statementTimeout, Clock clock, String name, String holder, Duration ttl) {
        this.db = db;
        this.statementTimeout = statementTimeout;
        this.clock = clock;
        this.name = Objects.requireNonNull(name, "name");
        this.holder = Objects.requireNonNull(holder, "holder");
        this.ttl = ttl;
    }

    String holder() {
        return holder;
    }

    /** Takes or renews the lease; true when this holder leads until now + ttl. */
    Mono<Boolean> acquire() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Instant expires = now.plus(ttl);
            return db.sql("UPDATE leader_leases SET holder = :holder, expires_at = :expires"
                            + " WHERE name = :name AND (holder = :holder OR expires_at < :now)")
                    .bind("holder", holder)
                    .bind("expires", expires.atOffset(ZoneOffset.UTC))
                    .bind("name", name)
                    .bind("now", now.atOffset(ZoneOffset.UTC))
                    .fetch()
                    .rowsUpdated()
                    .timeout(statementTimeout)
                    .flatMap(rows -> rows > 0 ? Mono.just(true) : insert(expires));
        });
    }

    /** The first lease ever: a row that does not exist yet. Someone else's row (or a lost race) means not leading. */
    private Mono<Boolean> insert(Instant expires) {
        return db.sql("INSERT INTO leader_leases (name, holder, expires_at) SELECT :name, :holder, :expires"
                        + " WHERE NOT EXISTS (SELECT 1 FROM leader_leases WHERE name = :name)")
                .bind("name", name)
                .bind("holder", holder)
                .bind("expires", expires.atOffset(ZoneOffset.UTC))
                .fetch()
                .rowsUpdated()
                .timeout(statementTimeout)
                .map(rows -> rows > 0)
                // The decision: another instance inserted the row between our two statements; it leads.
                .onErrorResume(DataIntegrityViolationException.class, e -> Mono.just(false));
    }

    /** Gives the lease up (on shutdown), so another instance need not wait for it to expire. */
    Mono<Void> release() {
        return db.sql("DELETE FROM leader_leases WHERE name = :name AND holder = :holder")
                .bind("name", name)
                .bind("holder", holder)
                .fetch()
                .rowsUpdated()
                .timeout(statementTimeout)
                .then();
    }
}
