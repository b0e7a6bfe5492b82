package io.streamgate.gateway.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerEntry;
import io.streamgate.gateway.snapshot.SnakeCaseJson;
import io.streamgate.gateway.snapshot.SnapshotStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/** Asks every streamer of the snapshot for its live streams once per interval and feeds the {@link LiveMap}. */
final class StreamerPoller implements SmartLifecycle {

    static final String STREAMS_PATH = "/streamer/api/v3/streams";
    private static final Logger log = LoggerFactory.getLogger(StreamerPoller.class);

    private final SnapshotStore snapshots;
    private final LiveMap liveMap;
    private final WebClient client;
    private final Duration interval;
    private final Duration timeout;
    private final Counter failures;
    private volatile Disposable running;

    StreamerPoller(SnapshotStore snapshots, LiveMap liveMap, LiveProperties properties, MeterRegistry meters) {
        this.snapshots = snapshots;
        this.liveMap = liveMap;
        this.interval = properties.pollInterval();
        this.timeout = properties.timeout();
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .responseTimeout(timeout);
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        this.failures = meters.counter("streamgate.gateway.live.poll.failures");
    }

    @Override
    public void start() {
        running = Flux.interval(Duration.ZERO, interval, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> pollAll(), 1)
                .subscribe();
    }

    /** One round: every streamer in parallel, each bounded by the timeout. */
    Mono<Void> pollAll() {
        List<StreamerEntry> streamers = snapshots.current().streamers();
        Set<Long> ids = new HashSet<>();
        for (StreamerEntry streamer : streamers) {
            ids.add(streamer.id());
        }
        liveMap.retain(ids);
        return Flux.fromIterable(streamers).flatMap(this::poll).then();
    }

    private Mono<Void> poll(StreamerEntry streamer) {
        return client.get()
                .uri(streamer.baseUrl() + STREAMS_PATH)
                .retrieve()
                .bodyToMono(byte[].class)
                .map(body -> SnakeCaseJson.MAPPER.readValue(body, StreamerStreams.class))
                .timeout(timeout)
                .doOnNext(streams -> liveMap.report(streamer.id(), liveStreams(streamer, streams)))
                .then()
                .onErrorResume(error -> {
                    // A streamer that does not answer its stats is not trusted with viewers until it does again.
                    failures.increment();
                    log.debug("Poll of streamer {} failed: {}", streamer.id(), error.toString());
                    liveMap.drop(streamer.id());
                    return Mono.empty();
                });
    }

    private static Map<String, LiveStreamer> liveStreams(StreamerEntry streamer, StreamerStreams streams) {
        Map<String, LiveStreamer> live = new HashMap<>();
        for (StreamerStreams.Item item : streams.streams()) {
            if (item.name() != null && item.stats() != null && item.stats().alive()) {
                live.put(
                        item.name(),
                        new LiveStreamer(
                                streamer.id(),
                                stripSlash(streamer.baseUrl()),
                                item.stats().onlineClients()));
            }
        }
        return live;
    }

    private static String stripSlash(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
