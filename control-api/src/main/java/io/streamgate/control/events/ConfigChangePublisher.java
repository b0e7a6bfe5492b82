package io.streamgate.control.events;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Announces a committed config version on Redis pub/sub. Never fails its caller: a change is already committed when
 * this runs, and gateways pick it up on their periodic sync if the announcement is lost.
 */
@Component
public class ConfigChangePublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConfigChangePublisher.class);

    private final EventsSettings settings;
    private final RedisClient client;
    private final Mono<StatefulRedisConnection<String, String>> connection;
    private final Counter published;
    private final Counter failures;

    ConfigChangePublisher(EventsSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.published = meters.counter("streamgate.control.events.published");
        this.failures = meters.counter("streamgate.control.events.publish.failures");
        if (settings.redisUrl().isEmpty()) {
            log.info("STREAMGATE_REDIS_URL is not set: config changes are not announced; gateways rely on their sync");
            this.client = null;
            this.connection = Mono.empty();
            return;
        }
        RedisURI uri = RedisURI.create(settings.redisUrl());
        uri.setTimeout(settings.timeout());
        this.client = RedisClient.create(uri);
        // Connect on first use and keep the connection (Lettuce reconnects it); a failed connect is not cached, so
        // the next change tries again once Redis is back.
        this.connection = Mono.defer(() -> Mono.fromCompletionStage(client.connectAsync(StringCodec.UTF8, uri)))
                .cache(ok -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** Publishes {@code version} in decimal; completes empty whether or not Redis took it. */
    public Mono<Void> publish(long version) {
        if (client == null) {
            return Mono.empty();
        }
        return connection
                .flatMap(c -> c.reactive().publish(settings.channel(), Long.toString(version)))
                .timeout(settings.timeout())
                .doOnNext(receivers -> published.increment())
                // The decision: Redis being down must never fail an API call whose change is committed already.
                .onErrorResume(error -> {
                    failures.increment();
                    log.warn("Could not announce config version {} on Redis: {}", version, error.toString());
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public void destroy() {
        if (client != null) {
            client.shutdownAsync();
        }
    }
}
