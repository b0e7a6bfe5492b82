package io.streamgate.gateway.playback;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.balancer.StickyBalancer;
import io.streamgate.gateway.balancer.ViewerRegion;
import io.streamgate.gateway.live.LiveMap;
import io.streamgate.gateway.live.StreamerHealth;
import io.streamgate.gateway.protocol.ProtocolStore;
import io.streamgate.gateway.signing.UrlSigner;
import io.streamgate.gateway.snapshot.SnapshotStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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

    /** What a request without a known peer address is checked as: matches no allow list. */
    private static final String UNKNOWN_IP = "0.0.0.0";

    private static final String NO_STORE = "no-store";

    @Bean
    PlaybackService playbackService(
            SnapshotStore snapshots,
            ProtocolStore protocols,
            LiveMap liveMap,
            StreamerHealth health,
            StickyBalancer balancer,
            UrlSigner signer,
            Clock clock,
            PlaybackProperties properties,
            MeterRegistry meters) {
        EntryManifests manifests = new EntryManifests(signer, clock, properties);
        return new PlaybackService(
                snapshots, protocols, liveMap, health, balancer, signer, manifests, properties, meters);
    }

    @Bean
    RouterFunction<ServerResponse> playerRouterFunction(PlaybackService playback, ViewerRegion region) {
        return RouterFunctions.route(RequestPredicates.all(), request -> handle(playback, region, request));
    }

    static Mono<ServerResponse> handle(PlaybackService playback, ViewerRegion region, ServerRequest request) {
        HttpMethod method = request.method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return ServerResponse.status(405)
                    .header(HttpHeaders.ALLOW, "GET, HEAD")
                    .build();
        }
        PlayerRequest play = new PlayerRequest(
                request.headers().firstHeader(HttpHeaders.HOST),
                request.requestPath().value(),
                request.uri().getRawQuery(),
                request.remoteAddress().map(PlayerRoutes::ip).orElse(UNKNOWN_IP),
                request.headers().firstHeader(HttpHeaders.REFERER),
                request.headers().firstHeader(HttpHeaders.USER_AGENT),
                region.of(region.trustsHeader() ? request.headers().firstHeader(ViewerRegion.HEADER) : null));
        return playback.answer(play).flatMap(PlayerRoutes::respond);
    }

    /** The peer's address as text, never resolved (no DNS on the event loop). */
    private static String ip(InetSocketAddress address) {
        InetAddress resolved = address.getAddress();
        return resolved == null ? UNKNOWN_IP : resolved.getHostAddress();
    }

    private static Mono<ServerResponse> respond(PlaybackAnswer answer) {
        if (answer instanceof PlaybackAnswer.Manifest manifest) {
            return ServerResponse.ok()
                    .header(HttpHeaders.CONTENT_TYPE, manifest.contentType())
                    .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                    .bodyValue(manifest.body());
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
