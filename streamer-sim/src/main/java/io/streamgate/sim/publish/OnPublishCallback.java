package io.streamgate.sim.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Asks whether a publisher may create a stream this streamer does not have, the way nginx-rtmp's and Flussonic's
 * {@code on_publish} do: a form POST of {@code call=publish}, {@code name}, {@code token} and {@code addr}; a 2xx
 * allows, any other answer, a redirect (never followed), a timeout or no answer at all refuses.
 */
final class OnPublishCallback implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OnPublishCallback.class);

    static final String METRIC = "streamgate.sim.on.publish.calls";
    static final String CREATED_METRIC = "streamgate.sim.on.publish.created";

    private final URI target;
    private final Duration timeout;
    private final ConnectionProvider pool;
    private final WebClient client;
    private final Counter allowed;
    private final Counter refused;
    private final Counter failed;
    private final Counter created;

    OnPublishCallback(URI target, Duration timeout, MeterRegistry meters) {
        this.target = target;
        this.timeout = timeout;
        // A pool of its own that fails fast: a publisher waits at most the timeout, never Reactor Netty's default 45 s
        // for a connection, and callbacks never queue behind other clients of the process.
        this.pool = ConnectionProvider.builder("sim-on-publish")
                .maxConnections(64)
                .pendingAcquireTimeout(timeout)
                .maxIdleTime(Duration.ofSeconds(20))
                .build();
        HttpClient http = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .responseTimeout(timeout)
                // A redirect is an answer, not an allowance: following one could let any URL it names decide.
                .followRedirect(false);
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
        this.allowed = meters.counter(METRIC, "outcome", "allowed");
        this.refused = meters.counter(METRIC, "outcome", "refused");
        this.failed = meters.counter(METRIC, "outcome", "failed");
        this.created = meters.counter(CREATED_METRIC);
    }

    /** Whether the callback allows {@code name} to be published with {@code token} from {@code addr}; never errors. */
    Mono<Boolean> allows(String name, String token, String addr) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("call", "publish");
        form.add("name", name);
        form.add("token", token);
        form.add("addr", addr);
        return client.post()
                .uri(target)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchangeToMono(response ->
                        response.releaseBody().thenReturn(response.statusCode().value()))
                .timeout(timeout)
                .map(status -> {
                    if (status >= 200 && status < 300) {
                        allowed.increment();
                        return true;
                    }
                    refused.increment();
                    log.info("on_publish refused {} from {}: HTTP {}", name, addr, status);
                    return false;
                })
                // The decision: a publish nobody vouched for is refused, as nginx-rtmp does when its callback fails;
                // the encoder retries and gets in once the callback answers again.
                .onErrorResume(error -> {
                    failed.increment();
                    log.warn("on_publish for {} from {} failed, refusing: {}", name, addr, error.toString());
                    return Mono.just(false);
                });
    }

    /** The stream was created because the callback allowed it; once per stream, however many publishers raced. */
    void created(String name) {
        created.increment();
        log.info("Stream {} created on publish: the on_publish callback allowed it", name);
    }

    /** The target without its query, which may hold a secret; for logs. */
    String describe() {
        return target.getScheme() + "://" + target.getRawAuthority() + target.getRawPath();
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
