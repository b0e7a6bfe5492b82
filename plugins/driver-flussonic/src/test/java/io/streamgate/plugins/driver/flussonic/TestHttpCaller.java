package io.streamgate.plugins.driver.flussonic;

import io.streamgate.plugin.api.http.HttpAnswer;
import io.streamgate.plugin.api.http.HttpCall;
import io.streamgate.plugin.api.http.HttpCaller;
import io.streamgate.plugin.api.http.RefusedTargetException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The host's driver caller, simulated over the JDK client: http(s) only, no redirects, private targets allowed (as
 * for streamers), the call's timeout on the whole exchange, and the body read whole.
 */
final class TestHttpCaller implements HttpCaller {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @Override
    public void checkTarget(URI target) {
        String scheme = target.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || target.getHost() == null) {
            throw new RefusedTargetException(target + ": not an http(s) URL");
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
                    call.hasBody()
                            ? HttpRequest.BodyPublishers.ofByteArray(call.body())
                            : HttpRequest.BodyPublishers.noBody());
            return Mono.fromFuture(CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()))
                    .map(response -> new HttpAnswer(
                            response.statusCode(), response.headers().map(), response.body()));
        });
    }
}
