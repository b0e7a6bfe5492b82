package io.streamgate.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the tests: no redirects followed, every call with a timeout. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Http() {}

    /**
     * A request on a connection of its own, as operators' scripts make them. With one shared pool of kept-alive
     * connections across the clouds and the deliberately broken requests of these tests, a control-api PUT twice went
     * unanswered until the client's timeout without control-api committing it, logging or pausing for GC (see the
     * issue 4 note). The failover tests' players keep their connections alive, as real players do.
     */
    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Connection", "close");
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            // A part that does not answer is worth a post-mortem: what every process of the cloud was doing then.
            Diagnostics.capture("timeout " + request.build().method() + " "
                    + request.build().uri());
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String url, String bearer) {
        return send(withBearer(request(url).GET(), bearer));
    }

    static HttpResponse<String> put(String url, String bearer, String json) {
        return send(withBearer(request(url), bearer)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    static HttpResponse<String> post(String url, String bearer, String json) {
        return send(withBearer(request(url), bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static HttpResponse<String> delete(String url, String bearer) {
        return send(withBearer(request(url), bearer).DELETE());
    }

    /** A player's request: the project's domain in Host. */
    static HttpResponse<String> play(String gatewayUrl, String host, String path) {
        HttpRequest.Builder request = request(gatewayUrl + path).GET();
        if (host != null) {
            request.header("Host", host);
        }
        return send(request);
    }

    /**
     * An encoder publishing over HTTP: a PUT whose body is a trickle of bytes for as long as {@code publishing} is set.
     */
    static java.util.concurrent.CompletableFuture<HttpResponse<String>> streamUpload(
            String url, java.util.concurrent.atomic.AtomicBoolean publishing) {
        java.io.InputStream trickle = new java.io.InputStream() {
            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (!publishing.get()) {
                    return -1;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
                int n = Math.min(length, 4096);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0x47);
                return n;
            }
        };
        return CLIENT.sendAsync(
                HttpRequest.newBuilder(URI.create(url))
                        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> trickle))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static HttpRequest.Builder withBearer(HttpRequest.Builder request, String bearer) {
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }
}
