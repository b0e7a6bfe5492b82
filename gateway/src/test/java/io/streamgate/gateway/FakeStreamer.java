package io.streamgate.gateway;

import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.domain.signing.SigningKeys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;

/**
 * A streamer as the streamer-sim contract describes it: the stats list, a master playlist with relative URIs that
 * carry the request's own signed query, and media playlists; every playback request is verified (403 if bad). It can
 * be stopped (its port then refuses connections, like a killed process) and started again on the same port.
 */
public final class FakeStreamer implements AutoCloseable {

    public static final String KEYS = "k1:0123456789abcdef0123";

    /** A live MPD with segment URLs relative to it and a query the gateway must replace. */
    public static final String MPD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" type=\"dynamic\" profiles=\"urn:mpeg:dash:profile:isoff-live:2011\""
            + " minBufferTime=\"PT2S\" availabilityStartTime=\"2024-01-01T00:00:00Z\">\n"
            + "  <Period id=\"0\" start=\"PT0S\">\n"
            + "    <AdaptationSet mimeType=\"video/mp4\" segmentAlignment=\"true\">\n"
            + "      <SegmentTemplate media=\"video/$Number$.m4s?old=1\" initialization=\"video/init.mp4\""
            + " timescale=\"1\" duration=\"2\" startNumber=\"1\"/>\n"
            + "      <Representation id=\"v1\" bandwidth=\"800000\" codecs=\"avc1.64001f\" width=\"640\" height=\"360\"/>\n"
            + "    </AdaptationSet>\n"
            + "  </Period>\n"
            + "</MPD>\n";

    private final PlaybackSigner verifier = new PlaybackSigner(SigningKeys.parse(KEYS, null));
    private final Map<String, Long> live = new ConcurrentHashMap<>();
    private final AtomicInteger masters = new AtomicInteger();
    private final AtomicBoolean failMasters = new AtomicBoolean();
    private final AtomicBoolean failPolls = new AtomicBoolean();
    private final AtomicInteger polls = new AtomicInteger();
    private final int port;
    private volatile DisposableServer server;
    private volatile ChannelGroup connections;

    public FakeStreamer() {
        this.server = bind(0);
        this.port = server.port();
    }

    private DisposableServer bind(int port) {
        ChannelGroup accepted = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        connections = accepted;
        return HttpServer.create()
                .host("127.0.0.1")
                // Every accepted connection, so stopping closes the keep-alive ones too, as a killed process would.
                .doOnConnection(connection -> accepted.add(connection.channel()))
                .port(port)
                .route(routes -> routes.get("/streamer/api/v3/streams", (request, response) -> {
                            polls.incrementAndGet();
                            if (failPolls.get()) {
                                return response.status(500).send();
                            }
                            return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                                    .sendString(Mono.just(streamsJson()));
                        })
                        .get("/{name}/index.m3u8", (request, response) -> {
                            String name = request.param("name");
                            int status = check(request, name);
                            if (status != 200) {
                                return response.status(status).send();
                            }
                            masters.incrementAndGet();
                            if (failMasters.get()) {
                                return response.status(500).send();
                            }
                            String query = "?" + rawQuery(request);
                            return response.header(HttpHeaderNames.CONTENT_TYPE, "application/vnd.apple.mpegurl")
                                    .sendString(Mono.just("#EXTM3U\n"
                                            + "#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360\n"
                                            + "tracks-v1/index.m3u8" + query + "\n"
                                            + "#EXT-X-STREAM-INF:BANDWIDTH=1600000,RESOLUTION=1280x720\n"
                                            + "tracks-v2/index.m3u8" + query + "\n"));
                        })
                        .get("/{name}/index.mpd", (request, response) -> {
                            int status = check(request, request.param("name"));
                            if (status != 200) {
                                return response.status(status).send();
                            }
                            return response.header(HttpHeaderNames.CONTENT_TYPE, "application/dash+xml")
                                    .sendString(Mono.just(MPD));
                        })
                        .get("/{name}/{track}/index.m3u8", (request, response) -> {
                            int status = check(request, request.param("name"));
                            if (status != 200) {
                                return response.status(status).send();
                            }
                            return response.sendString(Mono.just("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n1.ts?"
                                    + rawQuery(request) + "\n"));
                        }))
                .bindNow();
    }

    private int check(HttpServerRequest request, String name) {
        Map<String, List<String>> params = new QueryStringDecoder(request.uri()).parameters();
        PlaybackSigner.Verification verification = verifier.verify(
                name,
                first(params, PlaybackSigner.KEY_ID),
                first(params, PlaybackSigner.EXPIRES),
                first(params, PlaybackSigner.SESSION),
                first(params, PlaybackSigner.SIGNATURE),
                Instant.now().getEpochSecond());
        if (verification != PlaybackSigner.Verification.VALID) {
            return 403;
        }
        return live.containsKey(name) ? 200 : 404;
    }

    private static String first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String rawQuery(HttpServerRequest request) {
        String uri = request.uri();
        int question = uri.indexOf('?');
        return question < 0 ? "" : uri.substring(question + 1);
    }

    private String streamsJson() {
        StringBuilder json = new StringBuilder("{\"streams\":[");
        live.forEach((name, clients) -> {
            if (json.charAt(json.length() - 1) == '}') {
                json.append(',');
            }
            json.append("{\"name\":\"")
                    .append(name)
                    .append("\",\"inputs\":[{\"url\":\"fake://x\"}],\"stats\":{\"alive\":true,\"online_clients\":")
                    .append(clients)
                    .append(",\"bitrate\":1100}}");
        });
        return json.append("],\"estimated_count\":")
                .append(live.size())
                .append('}')
                .toString();
    }

    public FakeStreamer live(String internalName, long onlineClients) {
        live.put(internalName, onlineClients);
        return this;
    }

    /** The stream is no longer live here (absent from the stats list, 404 on playback). */
    public FakeStreamer notLive(String internalName) {
        live.remove(internalName);
        return this;
    }

    /** How many times its stats list was asked for. */
    public int polls() {
        return polls.get();
    }

    /** Closes the port and every open connection: new ones are refused, as when the process is killed. */
    public void stop() {
        server.disposeNow();
        connections.close().awaitUninterruptibly();
    }

    /** Listens again on the same port. */
    public void restart() {
        server = bind(port);
    }

    /** Answers its stream list with 500 (the gateway cannot know what it has live) while playback still works. */
    public FakeStreamer failPolls(boolean fail) {
        failPolls.set(fail);
        return this;
    }

    public void failMasters(boolean fail) {
        failMasters.set(fail);
    }

    public int masterRequests() {
        return masters.get();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public PlaybackSigner verifier() {
        return verifier;
    }

    @Override
    public void close() {
        stop();
    }
}
