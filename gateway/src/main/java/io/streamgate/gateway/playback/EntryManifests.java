package io.streamgate.gateway.playback;

import io.netty.channel.ChannelOption;
import io.streamgate.gateway.balancer.ViewerSession;
import io.streamgate.gateway.live.LiveStreamer;
import io.streamgate.gateway.signing.UrlSigner;
import io.streamgate.plugin.api.protocol.ManifestTemplate;
import io.streamgate.plugin.api.protocol.PlaybackProtocol;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Entry manifest templates fetched from streamers and prepared by their protocol plugin, cached briefly per
 * (streamer, stream, path, protocol). Concurrent requests for the same missing entry share one fetch; failures are not
 * cached. The protocol object is part of the key, so templates of plugins unloaded by a reload are never used again.
 *
 * <p>A fresh request (a returning viewer, usually back after an error) takes no finished fetch from the cache: its
 * fetch proves the streamer still serves before the viewer is sent back there, and refreshes the cache for the
 * others. It still shares a fetch under way, which is as fresh.
 *
 * <p>There is no circuit breaker here: a failing streamer is ejected by the caller ({@code StreamerHealth}), which
 * keeps viewers and these fetches away from it with a growing back-off.
 */
final class EntryManifests {

    /** Above this many entries, expired ones are swept on insert so that streams nobody plays do not pile up. */
    private static final int SWEEP_ABOVE = 10_000;

    private final WebClient client;
    private final UrlSigner signer;
    private final Clock clock;
    private final Duration timeout;
    private final long ttlMillis;
    /** The gateway's own viewer session on the streamers: counts as one client, whatever the traffic. */
    private final String gatewaySession = "gw-" + ViewerSession.newIdentity();

    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

    EntryManifests(UrlSigner signer, Clock clock, PlaybackProperties properties) {
        this.signer = signer;
        this.clock = clock;
        this.timeout = properties.masterTimeout();
        this.ttlMillis = properties.masterCacheTtl().toMillis();
        // A pool of its own that fails fast: a viewer waits at most the manifest timeout, never Reactor Netty's
        // default 45 s for a connection, and streamer fetches never queue behind other clients of the process.
        ConnectionProvider pool = ConnectionProvider.builder("gateway-manifests")
                .maxConnections(512)
                .pendingAcquireTimeout(timeout)
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        HttpClient http = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .responseTimeout(timeout);
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                // Live MPDs with a long SegmentTimeline outgrow the 256 KiB default; the plugins bound sizes
                // themselves.
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    /**
     * The template of {@code path} under {@code internalName} on {@code streamer}; fails with {@link UpstreamFailure}.
     *
     * @param fresh whether a fetch that has finished may not be reused (see the class comment)
     */
    Mono<ManifestTemplate> get(
            LiveStreamer streamer, String internalName, String path, PlaybackProtocol protocol, boolean fresh) {
        Key key = new Key(streamer.streamerId(), internalName, path, protocol);
        long now = clock.millis();
        Entry entry = cache.get(key);
        if (!usable(entry, now, fresh)) {
            Entry created = new Entry(now + ttlMillis);
            created.template = fetch(streamer, internalName, path, protocol)
                    .doOnTerminate(created::settle)
                    .cache();
            entry = cache.compute(key, (k, held) -> usable(held, now, fresh) ? held : created);
            if (entry == created && cache.size() > SWEEP_ABOVE) {
                cache.values().removeIf(e -> e.expiresAt <= now);
            }
        }
        Entry used = entry;
        return used.template.doOnError(error -> cache.remove(key, used));
    }

    private static boolean usable(Entry entry, long now, boolean fresh) {
        return entry != null && entry.expiresAt > now && !(fresh && entry.settled);
    }

    private Mono<ManifestTemplate> fetch(
            LiveStreamer streamer, String internalName, String path, PlaybackProtocol protocol) {
        URI uri = URI.create(
                streamer.baseUrl() + "/" + internalName + "/" + path + "?" + signer.sign(internalName, gatewaySession));
        return client.get()
                .uri(uri)
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    if (status >= 200 && status < 300) {
                        return response.bodyToMono(String.class);
                    }
                    // 5xx: the streamer is unwell; 4xx: it does not serve this stream (any more). Only the first
                    // says anything about the streamer itself.
                    return response.releaseBody()
                            .then(Mono.<String>error(new UpstreamFailure(
                                    "streamer " + streamer.streamerId() + " answered " + status, status >= 500)));
                })
                .timeout(timeout)
                .onErrorMap(
                        error -> !(error instanceof UpstreamFailure),
                        error -> new UpstreamFailure("streamer " + streamer.streamerId() + ": " + error, true))
                // Plugin code (an XML parser may look up its implementation on the class path) once per fetch, not
                // per viewer: off the event loop.
                .publishOn(Schedulers.boundedElastic())
                .map(text -> prepare(protocol, text, streamer));
    }

    private static ManifestTemplate prepare(PlaybackProtocol protocol, String text, LiveStreamer streamer) {
        try {
            return protocol.prepare(text);
        } catch (RuntimeException e) {
            // A manifest the plugin cannot read says nothing about the streamer's health.
            throw new UpstreamFailure("streamer " + streamer.streamerId() + " manifest: " + e.getMessage(), false);
        }
    }

    private record Key(long streamerId, String internalName, String path, PlaybackProtocol protocol) {}

    private static final class Entry {
        final long expiresAt;
        /** Set once, before the template is published through the map. */
        Mono<ManifestTemplate> template;
        /** Whether the fetch has finished; a fresh request wants one that has not. */
        volatile boolean settled;

        Entry(long expiresAt) {
            this.expiresAt = expiresAt;
        }

        void settle() {
            settled = true;
        }
    }

    /** An entry manifest could not be had from a streamer; {@code streamerDown} when the streamer itself failed. */
    static final class UpstreamFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean streamerDown;

        UpstreamFailure(String message, boolean streamerDown) {
            super(message, null, false, false);
            this.streamerDown = streamerDown;
        }

        boolean streamerDown() {
            return streamerDown;
        }
    }
}
