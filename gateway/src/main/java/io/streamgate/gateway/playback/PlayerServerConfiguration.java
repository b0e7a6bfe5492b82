package io.streamgate.gateway.playback;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.balancer.StickyBalancer;
import io.streamgate.gateway.balancer.ViewerRegion;
import io.streamgate.gateway.live.LiveMap;
import io.streamgate.gateway.live.StreamerHealth;
import io.streamgate.gateway.protocol.ProtocolStore;
import io.streamgate.gateway.signing.UrlSigner;
import io.streamgate.gateway.snapshot.SnapshotStore;
import java.time.Clock;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the player API on the main server (port {@code server.port}) as a plain Reactor Netty route ahead of WebFlux,
 * which then never sees a request on that port. Spring Boot still owns the server: its port, lifecycle, graceful
 * shutdown and {@code server.netty.*} settings apply as before.
 *
 * <p>A factory customizer rather than a {@code NettyRouteProvider} bean: the management server's factory is made in a
 * child context that sees this context's beans, so a route provider bean could take over the management port too;
 * this context's customizers are not applied there (the integration tests check both ports).
 */
@Configuration(proxyBeanMethods = false)
class PlayerServerConfiguration {

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
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> playerRoute(
            PlaybackService playback, ViewerRegion region, PlaybackProperties properties) {
        PlayerHandler handler = new PlayerHandler(playback, region);
        return factory -> {
            factory.addRouteProviders(routes -> routes.route(request -> true, handler));
            if (properties.accessLog()) {
                factory.addServerCustomizers(server -> server.accessLog(true, new PlayerAccessLog()));
            }
        };
    }
}
