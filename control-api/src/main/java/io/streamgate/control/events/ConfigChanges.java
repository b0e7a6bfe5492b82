package io.streamgate.control.events;

import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The one way config changes commit: in a single transaction that first bumps the config version, and announced to
 * the gateways only once that transaction has committed, so no gateway hears of a version it cannot read yet.
 */
@Component
public class ConfigChanges {

    private final ConfigVersion version;
    private final ConfigChangePublisher publisher;
    private final TransactionalOperator tx;

    ConfigChanges(ConfigVersion version, ConfigChangePublisher publisher, TransactionalOperator tx) {
        this.version = version;
        this.publisher = publisher;
        this.tx = tx;
    }

    /**
     * Commits one change.
     *
     * @param change the change's work, given the new version; it must emit exactly one result (or an error, which
     *     rolls everything back and announces nothing)
     * @return the change's result, once committed and announced
     */
    public <T> Mono<T> commit(Function<Long, Mono<T>> change) {
        return tx.transactional(version.bump().flatMap(v -> change.apply(v).map(result -> new Committed<>(v, result))))
                .flatMap(committed -> publisher.publish(committed.version()).thenReturn(committed.result()));
    }

    private record Committed<T>(long version, T result) {}
}
