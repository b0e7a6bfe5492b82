package io.streamgate.gateway.playback;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.AsciiString;
import io.streamgate.gateway.balancer.ViewerRegion;
import io.streamgate.plugin.host.reactive.Ready;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The player API as a plain Reactor Netty handler: reads what {@link PlaybackService} needs straight off the Netty
 * request and writes its {@link PlaybackAnswer} straight to the response. No WebFlux layer (exchange, filters, codecs,
 * observation) runs per request: on this path they cost about half of the throughput (see {@code load-tests/bench}).
 */
final class PlayerHandler implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

    private static final Logger log = LoggerFactory.getLogger(PlayerHandler.class);

    /** What a request without a known peer address is checked as: matches no allow list. */
    private static final String UNKNOWN_IP = "0.0.0.0";

    private static final AsciiString NO_STORE = AsciiString.cached("no-store");
    private static final AsciiString GET_HEAD = AsciiString.cached("GET, HEAD");
    private static final AsciiString REGION_HEADER = AsciiString.cached(ViewerRegion.HEADER);
    private static final PlaybackAnswer INTERNAL_ERROR = new PlaybackAnswer.Status(500);

    private final PlaybackService playback;
    private final ViewerRegion region;

    PlayerHandler(PlaybackService playback, ViewerRegion region) {
        this.playback = playback;
        this.region = region;
    }

    @Override
    public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
        HttpMethod method = request.method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return response.status(405).header(HttpHeaderNames.ALLOW, GET_HEAD).send();
        }
        // The request line's URI as received: the play path validates the raw path before anything is decoded.
        String uri = request.uri();
        int question = uri.indexOf('?');
        HttpHeaders headers = request.requestHeaders();
        PlayerRequest play = new PlayerRequest(
                headers.get(HttpHeaderNames.HOST),
                question < 0 ? uri : uri.substring(0, question),
                question < 0 ? null : uri.substring(question + 1),
                ip(request.remoteAddress()),
                headers.get(HttpHeaderNames.REFERER),
                headers.get(HttpHeaderNames.USER_AGENT),
                region.of(region.trustsHeader() ? headers.get(REGION_HEADER) : null));
        Mono<PlaybackAnswer> answer = playback.answer(play);
        PlaybackAnswer ready = Ready.valueOf(answer);
        if (ready != null) {
            // Most plays are answered from memory: written at once, without operators around the answer.
            return respond(ready, response);
        }
        return answer.onErrorResume(error -> {
                    // Only a bug gets here; the player gets a plain 500 instead of a dropped connection.
                    log.error("Play request {} failed", play.rawPath(), error);
                    return Mono.just(INTERNAL_ERROR);
                })
                .flatMap(played -> respond(played, response));
    }

    /** The peer's address as text, never resolved (no DNS on the event loop). */
    private static String ip(InetSocketAddress address) {
        InetAddress resolved = address == null ? null : address.getAddress();
        return resolved == null ? UNKNOWN_IP : resolved.getHostAddress();
    }

    private static Mono<Void> respond(PlaybackAnswer answer, HttpServerResponse response) {
        if (answer instanceof PlaybackAnswer.Manifest manifest) {
            byte[] body = manifest.body().getBytes(StandardCharsets.UTF_8);
            response.status(200)
                    .header(HttpHeaderNames.CONTENT_TYPE, manifest.contentType())
                    .header(HttpHeaderNames.CACHE_CONTROL, NO_STORE)
                    .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
            return response.sendObject(Unpooled.wrappedBuffer(body)).then();
        }
        if (answer instanceof PlaybackAnswer.Redirect redirect) {
            // The location carries a per-viewer signature: never cache it.
            return response.status(302)
                    .header(HttpHeaderNames.LOCATION, redirect.location())
                    .header(HttpHeaderNames.CACHE_CONTROL, NO_STORE)
                    .send();
        }
        if (answer instanceof PlaybackAnswer.Unavailable unavailable) {
            return response.status(503)
                    .header(HttpHeaderNames.RETRY_AFTER, Long.toString(unavailable.retryAfterSeconds()))
                    .send();
        }
        return response.status(((PlaybackAnswer.Status) answer).code()).send();
    }
}
