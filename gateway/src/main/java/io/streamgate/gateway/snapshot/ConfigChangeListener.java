package io.streamgate.gateway.snapshot;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The config versions announced on the Redis change channel. Lettuce reconnects and resubscribes by itself once
 * connected; failures to connect at all are retried with a backoff for ever. Redis only makes changes arrive sooner:
 * the periodic sync works without it, so nothing here may fail the gateway.
 */
final class ConfigChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ConfigChangeListener.class);

    private final RedisClient client;
    private final RedisURI uri;
    private final String channel;

    ConfigChangeListener(String redisUrl, String channel) {
        this.uri = RedisURI.create(redisUrl);
        this.uri.setTimeout(Duration.ofSeconds(2));
        this.client = RedisClient.create();
        this.channel = channel;
    }

    /** Announced versions, as they arrive; malformed messages are skipped. */
    Flux<Long> versions() {
        return Flux.usingWhen(
                        Mono.defer(() -> Mono.fromCompletionStage(client.connectPubSubAsync(StringCodec.UTF8, uri))),
                        this::receive,
                        connection -> Mono.fromCompletionStage(connection.closeAsync()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                        .maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(signal -> log.warn(
                                "Redis change channel unavailable, retrying: {}",
                                signal.failure().toString())));
    }

    private Flux<Long> receive(StatefulRedisPubSubConnection<String, String> connection) {
        var reactive = connection.reactive();
        Flux<Long> messages = reactive.observeChannels()
                .filter(message -> channel.equals(message.getChannel()))
                .flatMap(message -> Mono.justOrEmpty(parseVersion(message.getMessage())));
        // Observe before subscribing so that no message between the two is lost.
        return Flux.merge(messages, reactive.subscribe(channel).then(Mono.<Long>empty()))
                .doOnSubscribe(s -> log.info("Listening for config changes on Redis channel {}", channel));
    }

    static Long parseVersion(String message) {
        if (message == null || message.isEmpty() || message.length() > 19) {
            return null;
        }
        long version = 0;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            version = version * 10 + (c - '0');
        }
        return version < 0 ? null : version;
    }

    Mono<Void> close() {
        return Mono.fromCompletionStage(client.shutdownAsync());
    }
}
