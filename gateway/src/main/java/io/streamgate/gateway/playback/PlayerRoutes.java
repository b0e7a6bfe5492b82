package io.streamgate.gateway.playback;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.live.LiveMap;
import io.streamgate.gateway.signing.UrlSigner;
import io.streamgate.gateway.snapshot.SnapshotStore;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The thin WebFlux binding of the play path: one route over every path, translating {@link PlaybackAnswer}s to
 * responses. All decisions live in {@link PlaybackService}, so the binding can move to plain Reactor Netty routes.
 */
@Configuration(proxyBeanMethods = false)
class PlayerRoutes {

    static final MediaType MPEGURL = MediaType.parseMediaType("application/vnd.apple.mpegurl");
    private static final String NO_STORE = "no-store";

    @Bean
    PlaybackService playbackService(
            SnapshotStore snapshots,
            LiveMap liveMap,
            UrlSigner signer,
            ObjectProvider<CircuitBreakerRegistry> circuitBreakers,
            Clock clock,
            PlaybackProperties properties,
            MeterRegistry meters) {
        MasterPlaylists masters = new MasterPlaylists(
                signer, circuitBreakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults), clock, properties);
        return new PlaybackService(snapshots, liveMap, signer, masters, properties, meters);
    }

    @Bean
    RouterFunction<ServerResponse> playerRouterFunction(PlaybackService playback) {
        return RouterFunctions.route(RequestPredicates.all(), request -> handle(playback, request));
    }

    static Mono<ServerResponse> handle(PlaybackService playback, ServerRequest request) {
        HttpMethod method = request.method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return ServerResponse.status(405)
                    .header(HttpHeaders.ALLOW, "GET, HEAD")
                    .build();
        }
        PlayRequest play = new PlayRequest(
                request.headers().firstHeader(HttpHeaders.HOST),
                request.requestPath().value(),
                request.uri().getRawQuery());
        return playback.answer(play).flatMap(PlayerRoutes::respond);
    }

    private static Mono<ServerResponse> respond(PlaybackAnswer answer) {
        if (answer instanceof PlaybackAnswer.Playlist playlist) {
            return ServerResponse.ok()
                    .contentType(MPEGURL)
                    .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                    .bodyValue(playlist.body());
        }
        if (answer instanceof PlaybackAnswer.Redirect redirect) {
            // The location carries a per-viewer signature: never cache it.
            return ServerResponse.status(302)
                    .header(HttpHeaders.LOCATION, redirect.location())
                    .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                    .build();
        }
        if (answer instanceof PlaybackAnswer.Unavailable unavailable) {
            return ServerResponse.status(503)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(unavailable.retryAfterSeconds()))
                    .build();
        }
        return ServerResponse.status(((PlaybackAnswer.Status) answer).code()).build();
    }
}
