package io.streamgate.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.gateway.snapshot.SnakeCaseJson;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** control-api's snapshot endpoint as the contract describes it: bearer check, ETag, 304. */
public final class FakeControlApi implements AutoCloseable {

    public static final String TOKEN = "test-gateway-token";

    private final AtomicReference<ConfigSnapshot> snapshot;
    private final AtomicInteger served = new AtomicInteger();
    private final DisposableServer server;

    public FakeControlApi(ConfigSnapshot initial) {
        this.snapshot = new AtomicReference<>(initial);
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get("/internal/v1/snapshot", (request, response) -> {
                    if (!("Bearer " + TOKEN).equals(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION))) {
                        return response.status(401).send();
                    }
                    ConfigSnapshot current = snapshot.get();
                    String etag = "\"" + current.version() + "\"";
                    response.header(HttpHeaderNames.ETAG, etag);
                    if (etag.equals(request.requestHeaders().get(HttpHeaderNames.IF_NONE_MATCH))) {
                        return response.status(304).send();
                    }
                    served.incrementAndGet();
                    return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                            .sendByteArray(Mono.just(SnakeCaseJson.MAPPER.writeValueAsBytes(current)))
                            .then();
                }))
                .bindNow();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public void set(ConfigSnapshot next) {
        snapshot.set(next);
    }

    /** How many full snapshots (200s) were served. */
    public int served() {
        return served.get();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
