package io.streamgate.gateway.playback;

import io.netty.channel.ChannelOption;
import io.streamgate.gateway.balancer.ViewerSession;
import io.streamgate.gateway.live.LiveStreamer;
import io.streamgate.gateway.signing.UrlSigner;
import io.streamgate.plugin.api.protocol.ManifestTemplate;
import io.streamgate.plugin.api.protocol.PlaybackProtocol;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Entry manifest templates fetched from streamers and prepared by their protocol plugin, cached per (streamer, stream,
 * path, protocol). The protocol object is part of the key, so templates of plugins unloaded by a reload are never used
 * again.
 *
 * <p>What a viewer waits for is at most the first fetch of an entry: concurrent requests for a missing entry share one
 * fetch, and an entry older than the TTL keeps being served while one background fetch refreshes it (stale while
 * revalidate, for at most one more TTL). A refresh that fails drops the entry, so the next viewer's own fetch meets the
 * failure and the caller's ejection and retry. Failures are never cached.
 *
 * <p>Templates are shared by content: a Flussonic-style master playlist names its renditions relatively, so every
 * stream with the same rendition set on any streamer has the same text (once the gateway's own signed query, which
 * streamers echo, is taken out), which is parsed once. With 100,000 streams
 * there are as many entries as streams are played, but only as many templates as rendition sets.
 *
 * <p>A fresh request (a returning viewer, usually back after an error) takes no finished fetch from the cache: its
 * fetch proves the streamer still serves before the viewer is sent back there, and refreshes the cache for the
 * others. It still shares a fetch under way, which is as fresh.
 *
 * <p>There is no circuit breaker here: a failing streamer is ejected by the caller ({@code StreamerHealth}), which
 * keeps viewers and these fetches away from it with a growing back-off.
 */
final class EntryManifests {

    /** The longest entry manifest read from a streamer (the 16 MiB the WebClient fetch was limited to). */
    static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

    /** Distinct manifest texts kept for sharing; past it the table starts over (entries keep their templates). */
    private static final int MAX_SHARED_TEMPLATES = 4096;

    private final HttpClient client;
    private final UrlSigner signer;
    private final Clock clock;
    private final Duration timeout;
    private final long ttlMillis;
    /** The gateway's own viewer session on the streamers: counts as one client, whatever the traffic. */
    private final String gatewaySession = "gw-" + ViewerSession.newIdentity();

    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();
    private final Map<Shared, ManifestTemplate> templates = new ConcurrentHashMap<>();
    private volatile long nextSweepAt;

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
        this.client = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .responseTimeout(timeout);
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
        if (entry != null && !fresh) {
            ManifestTemplate template = entry.template;
            if (template != null && now < entry.fetchedAt + 2 * ttlMillis) {
                if (now >= entry.fetchedAt + ttlMillis && entry.refreshing.compareAndSet(false, true)) {
                    refresh(key, entry, streamer);
                }
                return Mono.just(template);
            }
            if (template == null) {
                return entry.fetch;
            }
        }
        if (entry != null && fresh && entry.template == null) {
            return entry.fetch;
        }
        return fetchInto(key, streamer, now, entry);
    }

    /** Starts a fetch of {@code key}, installs it unless another request installed one first, and returns that one. */
    private Mono<ManifestTemplate> fetchInto(Key key, LiveStreamer streamer, long now, Entry seen) {
        Entry created = new Entry();
        created.fetch = fetch(streamer, key)
                .doOnNext(template -> created.settle(template, clock.millis()))
                .doOnError(error -> cache.remove(key, created))
                .cache();
        Entry installed = cache.compute(key, (k, held) -> held == null || held == seen ? created : held);
        if (installed == created) {
            sweep(now);
        }
        return installed.template != null ? Mono.just(installed.template) : installed.fetch;
    }

    private void refresh(Key key, Entry stale, LiveStreamer streamer) {
        fetch(streamer, key)
                .subscribe(
                        template -> {
                            Entry next = new Entry();
                            next.settle(template, clock.millis());
                            next.fetch = Mono.just(template);
                            cache.replace(key, stale, next);
                        },
                        error -> cache.remove(key, stale));
    }

    /** Forgets entries nobody asked for within two TTLs; at most once per TTL, whatever the number of entries. */
    private void sweep(long now) {
        if (now < nextSweepAt) {
            return;
        }
        nextSweepAt = now + ttlMillis;
        long before = now - 2 * ttlMillis;
        cache.values().removeIf(entry -> entry.template != null && entry.fetchedAt < before);
    }

    private Mono<ManifestTemplate> fetch(LiveStreamer streamer, Key key) {
        String query = signer.sign(key.internalName, gatewaySession);
        String uri = streamer.baseUrl() + "/" + key.internalName + "/" + key.path + "?" + query;
        return client.get()
                .uri(uri)
                .response((response, body) -> {
                    int status = response.status().code();
                    if (status >= 200 && status < 300) {
                        return bounded(body);
                    }
                    // 5xx: the streamer is unwell; 4xx: it does not serve this stream (any more). Only the first
                    // says anything about the streamer itself.
                    return Mono.<String>error(new UpstreamFailure(
                            "streamer " + streamer.streamerId() + " answered " + status, status >= 500));
                })
                .next()
                .switchIfEmpty(Mono.error(() -> new UpstreamFailure(
                        "streamer " + streamer.streamerId() + " answered an empty manifest", false)))
                .timeout(timeout)
                .onErrorMap(
                        error -> !(error instanceof UpstreamFailure),
                        error -> new UpstreamFailure("streamer " + streamer.streamerId() + ": " + error, true))
                // Plugin code (an XML parser may look up its implementation on the class path) once per fetch, not
                // per viewer: off the event loop.
                .publishOn(Schedulers.boundedElastic())
                // Streamers echo the query they were asked with into the manifest's references. It is the gateway's
                // own signature, stream-bound and dropped by every render anyway; without it equal rendition sets read
                // alike across streams and fetches.
                .map(text -> prepare(key.protocol, text.replace("?" + query, ""), streamer));
    }

    /**
     * The body as text, failing past {@value #MAX_MANIFEST_BYTES} bytes: live MPDs with a long SegmentTimeline are
     * large, but a streamer that sends without end must not fill the heap. Empty when the body is.
     */
    private static Mono<String> bounded(ByteBufFlux body) {
        return body.asByteArray()
                .collect(ByteArrayOutputStream::new, (out, bytes) -> {
                    if (out.size() + bytes.length > MAX_MANIFEST_BYTES) {
                        throw new IllegalStateException(
                                "manifest longer than " + MAX_MANIFEST_BYTES + " bytes (expected: at most that)");
                    }
                    out.write(bytes, 0, bytes.length);
                })
                .filter(out -> out.size() > 0)
                .map(out -> out.toString(StandardCharsets.UTF_8));
    }

    private ManifestTemplate prepare(PlaybackProtocol protocol, String text, LiveStreamer streamer) {
        Shared shared = new Shared(protocol, text);
        ManifestTemplate known = templates.get(shared);
        if (known != null) {
            return known;
        }
        ManifestTemplate template;
        try {
            template = protocol.prepare(text);
        } catch (RuntimeException e) {
            // A manifest the plugin cannot read says nothing about the streamer's health.
            throw new UpstreamFailure("streamer " + streamer.streamerId() + " manifest: " + e.getMessage(), false);
        }
        if (templates.size() >= MAX_SHARED_TEMPLATES) {
            templates.clear();
        }
        ManifestTemplate raced = templates.putIfAbsent(shared, template);
        return raced != null ? raced : template;
    }

    /** How many distinct templates are shared now (for tests). */
    int sharedTemplates() {
        return templates.size();
    }

    private record Key(long streamerId, String internalName, String path, PlaybackProtocol protocol) {}

    /** A manifest's text under the protocol that parsed it: equal texts share one template. */
    private record Shared(PlaybackProtocol protocol, String text) {}

    private static final class Entry {
        /** The fetch that fills this entry; set before the entry is published through the map. */
        Mono<ManifestTemplate> fetch;
        /** Set once the fetch succeeded; read without the fetch's operators on the hot path. */
        volatile ManifestTemplate template;

        volatile long fetchedAt;
        final AtomicBoolean refreshing = new AtomicBoolean();

        void settle(ManifestTemplate template, long at) {
            this.fetchedAt = at;
            this.template = template;
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
