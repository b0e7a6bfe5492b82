package io.streamgate.plugins.auth.http;

import io.streamgate.plugin.api.http.HttpAnswer;
import io.streamgate.plugin.api.http.HttpCall;
import io.streamgate.plugin.api.http.HttpCaller;
import io.streamgate.plugin.api.http.RefusedTargetException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The host's guarded caller, simulated over the JDK client: no redirects, and loopback, private and link-local
 * address literals (and {@code localhost}) refused unless a test allows loopback (its own server listens there).
 */
final class TestHttpCaller implements HttpCaller {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final boolean allowLoopback;

    private TestHttpCaller(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    static TestHttpCaller guarded() {
        return new TestHttpCaller(false);
    }

    static TestHttpCaller allowingLoopback() {
        return new TestHttpCaller(true);
    }

    @Override
    public void checkTarget(URI target) {
        String scheme = target.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || target.getHost() == null) {
            throw new RefusedTargetException(target + ": not an http(s) URL");
        }
        String host = target.getHost();
        boolean literal = host.startsWith("[") || host.matches("[0-9.]+") || host.equalsIgnoreCase("localhost");
        if (!literal) {
            // Tests use names like auth.example.com that need not resolve here; the real guard resolves them.
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                boolean loopback = address.isLoopbackAddress();
                if (loopback && !allowLoopback
                        || address.isSiteLocalAddress()
                        || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress()) {
                    throw new RefusedTargetException(target.getHost() + " resolves to a forbidden address");
                }
            }
        } catch (UnknownHostException e) {
            throw new RefusedTargetException(target.getHost() + " does not resolve");
        }
    }

    @Override
    public Mono<HttpAnswer> call(HttpCall call) {
        return Mono.defer(() -> {
            checkTarget(call.target());
            HttpRequest.Builder request = HttpRequest.newBuilder(call.target()).timeout(call.timeout());
            call.headers().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
            request.method(
                    call.method(),
                    call.method().equals("POST")
                            ? HttpRequest.BodyPublishers.ofByteArray(call.body())
                            : HttpRequest.BodyPublishers.noBody());
            return Mono.fromFuture(CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()))
                    .map(response -> new HttpAnswer(
                            response.statusCode(), response.headers().map()));
        });
    }
}
