package io.streamgate.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** A raw HTTP client for tests: sends the path exactly as given, with any Host header, no redirects followed. */
public final class TestHttp {

    // A fresh connection per request, like a new player, and none from the global pool the gateway under test uses
    // in this same JVM: pooled keep-alive connections carried state from one test into the next.
    private static final HttpClient CLIENT =
            HttpClient.create(ConnectionProvider.newConnection()).followRedirect(false);

    private TestHttp() {}

    public record Response(int status, HttpHeaders headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(CharSequence name) {
            return headers.get(name);
        }
    }

    public static Response get(int port, String host, String path) {
        return exchange(HttpMethod.GET, "http://127.0.0.1:" + port + path, host);
    }

    public static Response get(String url) {
        return exchange(HttpMethod.GET, url, null);
    }

    public static Response exchange(HttpMethod method, String url, String host) {
        return exchange(method, url, host, java.util.Map.of());
    }

    public static Response exchange(HttpMethod method, String url, String host, java.util.Map<String, String> extra) {
        return CLIENT.headers(headers -> {
                    if (host != null) {
                        headers.set(HttpHeaderNames.HOST, host);
                    }
                    extra.forEach(headers::set);
                })
                .request(method)
                .uri(url)
                .responseSingle((response, body) -> body.asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .map(bytes -> new Response(
                                response.status().code(),
                                response.responseHeaders().copy(),
                                bytes)))
                .switchIfEmpty(Mono.error(new IllegalStateException("no response")))
                .block(Duration.ofSeconds(10));
    }
}
